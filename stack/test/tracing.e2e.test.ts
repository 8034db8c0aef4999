import type { AnyJson } from '@quizgraph/service-kit';
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '@quizgraph/service-kit';
import { memoryLogger } from '@quizgraph/service-kit/testing';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';

let stack: RunningStack;
let tracing: Tracing;
const spans = new InMemorySpanExporter();
const { logger, lines } = memoryLogger();

beforeAll(async () => {
  // Registered as a process does (not after a `trace.disable()`, which would orphan the tracers that
  // @apollo/gateway took when it was imported).
  tracing = startTracing({ exporter: 'none', sampleRatio: 1, serviceName: 'quizgraph-test' }, spans);
  const keysDir = join(await mkdtemp(join(tmpdir(), 'quizgraph-tracing-')), 'keys');
  stack = await startStack({ databases: inject('databaseUrls'), keysDir, ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logger });
});

afterAll(async () => {
  await stack?.stop();
  await tracing?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

// Two subgraphs, each of which reads its database.
const QUERY = 'query TraceProbe { quizzes(first: 1) { totalCount } leaderboard(first: 1) { totalCount } }';

async function post(headers: Record<string, string> = {}) {
  const response = await fetch(stack.router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  return response.headers.get('x-request-id')!;
}

/** The spans of one trace, once the servers have ended theirs (a span ends when its response closes). */
async function spansOf(traceId: string, atLeast: (found: ReadableSpan[]) => boolean): Promise<ReadableSpan[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    if (atLeast(found) || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const serverSpan = (found: ReadableSpan[], service: string) => found.find((s) => s.attributes['quizgraph.service'] === service);

/** True when `ancestor` is on the way from `span` up to the trace's root. */
function descendsFrom(found: ReadableSpan[], span: ReadableSpan, ancestor: ReadableSpan): boolean {
  const byId = new Map(found.map((s) => [s.spanContext().spanId, s]));
  for (let at: ReadableSpan | undefined = span; at; at = byId.get(parentOf(at) ?? '')) {
    if (at === ancestor) return true;
  }
  return false;
}

describe('a traced request', () => {
  it('continues the caller’s trace from the router through the gateway’s fetches into each subgraph, down to its SQL statements', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    await post({ traceparent: `00-${traceId}-${callerSpanId}-01` });
    const found = await spansOf(
      traceId,
      (f) => ['router', 'quizzes', 'results'].every((s) => serverSpan(f, s)) && f.some((s) => s.instrumentationScope.name === 'quizgraph.database'),
    );

    const router = serverSpan(found, 'router')!;
    expect(router).toBeDefined();
    expect(router.name).toBe('POST /graphql');
    expect(parentOf(router)).toBe(callerSpanId);
    expect(router.attributes['http.response.status_code']).toBe(200);

    for (const service of ['quizzes', 'results']) {
      const subgraph = serverSpan(found, service);
      expect(subgraph, `${service}'s server span`).toBeDefined();
      // The gateway's fetch span is the parent: the traceparent went out with the subgraph call.
      const fetch = found.find((s) => s.spanContext().spanId === parentOf(subgraph!));
      expect(fetch?.name).toBe('gateway.fetch');
      expect(fetch?.attributes.service).toBe(service);
      expect(descendsFrom(found, fetch!, router)).toBe(true);
      // Every statement the subgraph sent for this request hangs under its server span.
      const statements = found.filter((s) => s.instrumentationScope.name === 'quizgraph.database' && descendsFrom(found, s, subgraph!));
      expect(statements.length, `${service}'s SQL spans`).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.attributes['db.system.name']).toBe('postgresql');
        expect(statement.attributes['db.namespace']).toMatch(new RegExp(service));
        expect(String(statement.attributes['db.query.text'])).toMatch(/^\s*(SELECT|WITH|BEGIN|COMMIT)/i);
      }
    }
    // No part of the request escaped into another trace.
    const users = serverSpan(found, 'users');
    expect(users).toBeUndefined();
  });

  it('writes the request id and the trace id on every access-log line of the request, at the router and at each subgraph', async () => {
    const traceId = randomBytes(16).toString('hex');
    const requestId = await post({ traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
    const deadline = Date.now() + 5_000;
    let access: Array<AnyJson> = [];
    while (access.length < 3 && Date.now() < deadline) {
      access = lines.filter((l) => l.msg === 'request' && l.requestId === requestId);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(access.map((l) => l.service).sort()).toEqual(['quizzes', 'results', 'router']);
    for (const line of access) expect(line).toMatchObject({ traceId, operationName: expect.any(String), status: 200 });
  });

  it('starts a trace of its own for a client that sends none, and still carries one trace id through every service', async () => {
    const requestId = await post();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const access = lines.filter((l) => l.msg === 'request' && l.requestId === requestId);
    expect(access).toHaveLength(3);
    const traceIds = new Set(access.map((l) => l.traceId));
    expect(traceIds.size).toBe(1);
    expect([...traceIds][0]).toMatch(/^[0-9a-f]{32}$/);
    const found = await spansOf([...traceIds][0], (f) => f.length >= 3);
    expect(serverSpan(found, 'router')).toBeDefined();
    expect(parentOf(serverSpan(found, 'router')!)).toBeUndefined();
  });

  it('records nothing of a trace its caller chose not to sample, yet passes its id on for the logs', async () => {
    const traceId = randomBytes(16).toString('hex');
    const requestId = await post({ traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-00` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId)).toEqual([]);
    expect(lines.filter((l) => l.msg === 'request' && l.requestId === requestId).map((l) => l.traceId)).toEqual([traceId, traceId, traceId]);
  });
});
