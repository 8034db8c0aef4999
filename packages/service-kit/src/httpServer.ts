import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { installHttpErrorHandlers } from './httpErrors.js';
import type { Logger } from './logger.js';
import { DEFAULT_SHUTDOWN_SETTINGS, type ShutdownSettings } from './shutdown.js';
import { withServerSpan } from './tracing.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:4001 */
  origin: string;
  port: number;
  /**
   * Shuts down gracefully, once however often it is called: `/ready` answers 503 at once (and for
   * `readinessGraceMs` requests are still served), then no new connection is accepted, in-flight
   * requests finish (each answered with `connection: close`), and after `drainTimeoutMs` any connection
   * still open is closed. Resolves when every connection is gone.
   */
  close(): Promise<void>;
}

/**
 * Starts serving `app`, after the JSON handlers for unknown paths and HTTP-level errors
 * (httpErrors.ts): register every route before calling this. Each request runs in a server span of
 * `service` (tracing.ts), continuing its caller's trace.
 */
export async function listen(
  app: Express,
  port: number,
  host: string,
  logger?: Logger,
  shutdown: Partial<ShutdownSettings> = {},
  service = 'service',
): Promise<{ server: Server } & RunningServer> {
  installHttpErrorHandlers(app, logger);
  const { readinessGraceMs, drainTimeoutMs } = { ...DEFAULT_SHUTDOWN_SETTINGS, ...shutdown };
  let phase: 'serving' | 'unready' | 'draining' = 'serving';
  /** Responses not yet finished: told to close their connection when draining begins. */
  const inFlight = new Set<import('node:http').ServerResponse>();
  // In front of the app, so that every process's /ready fails the moment shutdown begins, whatever its
  // own check would say.
  const server = createServer((req, res) => {
    if (phase !== 'serving') {
      if (req.url === '/ready' || req.url?.startsWith('/ready?')) {
        res.writeHead(503, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ status: 'shutting down' }));
        return;
      }
      // Keep-alive clients (the router's connections to subgraphs) reconnect to another replica.
      if (phase === 'draining') res.setHeader('connection', 'close');
    }
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // Its connection is idle now: while draining, close it rather than wait for keep-alive to expire.
      if (phase === 'draining') setImmediate(() => server.closeIdleConnections());
    });
    withServerSpan(service, req, res, () => app(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  const close = async () => {
    phase = 'unready';
    if (readinessGraceMs > 0) await new Promise((resolve) => setTimeout(resolve, readinessGraceMs));
    phase = 'draining';
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    await new Promise<void>((resolve, reject) => {
      const force = setTimeout(() => {
        logger?.warn({ drainTimeoutMs }, 'in-flight requests outlived the drain timeout: closing their connections');
        server.closeAllConnections();
      }, drainTimeoutMs);
      server.close((error) => {
        clearTimeout(force);
        if (error) reject(error);
        else resolve();
      });
      server.closeIdleConnections();
    });
  };
  const { port: actualPort } = server.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host) ? 'localhost' : host;
  return {
    server,
    port: actualPort,
    origin: `http://${shownHost}:${actualPort}`,
    close: () => (closing ??= close()),
  };
}
