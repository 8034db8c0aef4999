import { REPO_ROOT } from '@quizgraph/prisma';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';

/** The parts of an OTLP/HTTP JSON export this test reads. */
interface OtlpTraces {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ spans: Array<{ traceId: string; name: string }> }>;
  }>;
}

/**
 * An operator's setup: the users service run on its own (its own entry point, as in a container) with
 * OTEL_EXPORTER_OTLP_ENDPOINT set sends its spans over OTLP/HTTP to that collector, and flushes the last
 * ones when it stops. The collector here is a plain HTTP server that keeps what it receives.
 */
it('a service started with an OTLP endpoint exports its request spans there, in the caller’s trace', async () => {
  const received: Array<{ path: string; headers: IncomingHttpHeaders; body: OtlpTraces }> = [];
  const collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as AddressInfo;

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: join(REPO_ROOT, 'subgraphs', 'users'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      USERS_DATABASE_URL: inject('databaseUrls').users,
      USERS_PORT: '0',
      HOST: '127.0.0.1',
      QUIZGRAPH_KEYS_DIR: join(await mkdtemp(join(tmpdir(), 'quizgraph-otlp-')), 'keys'),
      LOG_LEVEL: 'info',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-token=let-me-in',
      SHUTDOWN_READINESS_GRACE_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const ready = stdout
          .split('\n')
          .map((line) => (line.startsWith('{') ? JSON.parse(line) : {}))
          .find((line) => line.msg === 'users subgraph ready');
        if (ready) resolve(ready.url);
      });
      void exited.then(() => reject(new Error(`the users service ended before it was ready:\n${stdout}\n${stderr}`)));
    });

    // Without a service credential the subgraph refuses (401), but the request is traced all the same.
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const spans = received.flatMap((r) =>
      r.body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ ...span, resource: rs.resource })))),
    );
    const span = spans.find((s) => s.traceId === traceId);
    expect(span, `spans received: ${JSON.stringify(spans.map((s) => s.name))}`).toBeDefined();
    expect(span!.name).toBe('POST /graphql');
    expect(span!.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'quizgraph-users' } });
    expect(received[0]!.path).toBe('/v1/traces');
    expect(received[0]!.headers['x-collector-token']).toBe('let-me-in');
  } finally {
    child.kill('SIGKILL');
    collector.close();
  }
}, 60_000);
