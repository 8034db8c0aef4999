import express from 'express';
import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listen, type ShutdownSettings } from '../src/index.js';

/** One request on a connection of its own (no keep-alive pool), answering status, headers and body, or the socket error. */
function get(port: number, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A server with a request the test holds open (/slow, released by `release`) and a /ready that would say ready. */
async function slowServer(shutdown: Partial<ShutdownSettings>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const inFlight = new Promise<void>((resolve) => (entered = resolve));
  const app = express();
  app.get('/ready', (_req, res) => res.json({ status: 'ready' }));
  app.get('/ping', (_req, res) => res.json({ pong: true }));
  app.get('/slow', async (_req, res) => {
    entered();
    await released;
    res.json({ finished: true });
  });
  const running = await listen(app, 0, '127.0.0.1', undefined, shutdown);
  return { running, port: running.port, release, inFlight };
}

describe('graceful shutdown', () => {
  it('finishes a request in flight while refusing new connections, then resolves', async () => {
    const { running, port, release, inFlight } = await slowServer({ drainTimeoutMs: 30_000 });
    expect((await get(port, '/ready')).status).toBe(200);
    const slow = get(port, '/slow');
    await inFlight;

    let closed = false;
    const closing = running.close().then(() => (closed = true));
    // Readiness has flipped and the listener is closed: a new client is turned away.
    await expect(get(port, '/ready')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(get(port, '/ping')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(closed).toBe(false);

    release();
    const answer = await slow;
    expect(answer).toMatchObject({ status: 200, body: JSON.stringify({ finished: true }) });
    await closing;
    expect(closed).toBe(true);
    // close() is idempotent: a second signal or caller waits for the same shutdown.
    await running.close();
  });

  it('tells a keep-alive client whose request is in flight to close its connection, and does not wait for it to idle out', async () => {
    const { running, port, release, inFlight } = await slowServer({ drainTimeoutMs: 30_000 });
    const agent = new Agent({ keepAlive: true });
    try {
      const slow = new Promise<{ connection: unknown }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/slow', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end();
      });
      await inFlight;
      let closed = false;
      const closing = running.close().then(() => (closed = true));
      release();
      expect(await slow).toEqual({ connection: 'close' });
      await closing;
      expect(closed).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('answers /ready with 503 during the readiness grace while it still serves other requests', async () => {
    const { running, port } = await slowServer({ readinessGraceMs: 300, drainTimeoutMs: 1_000 });
    const closing = running.close();
    const ready = await get(port, '/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: 'shutting down' });
    expect(await get(port, '/ping')).toMatchObject({ status: 200 });
    await closing;
    await expect(get(port, '/ping')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('closes a connection whose request outlives the drain timeout', async () => {
    const { running, port, inFlight, release } = await slowServer({ drainTimeoutMs: 100 });
    const slow = get(port, '/slow');
    await inFlight;
    const started = performance.now();
    await running.close();
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    await expect(slow).rejects.toMatchObject({ code: 'ECONNRESET' });
    release();
  });
});
