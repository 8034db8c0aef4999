import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';

/** `/health` (alive) and `/ready` (dependencies answer) on the router and each subgraph, as an orchestrator polls them. */
let stack: RunningStack;
let broken: RunningStack | undefined;

async function probe(origin: string, path: '/health' | '/ready') {
  const response = await fetch(`${origin}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const newStack = async (databases: ReturnType<typeof inject<'databaseUrls'>>, readinessGraceMs = 0) =>
  startStack({
    databases,
    keysDir: await mkdtemp(join(tmpdir(), 'quizgraph-health-keys-')),
    ports: { router: 0, users: 0, quizzes: 0, results: 0 },
    logLevel: 'silent',
    shutdown: { readinessGraceMs, drainTimeoutMs: 2_000 },
  });

beforeAll(async () => {
  stack = await newStack(inject('databaseUrls'));
});

afterAll(async () => {
  await stack?.stop();
  await broken?.stop();
});

describe('health and readiness', () => {
  it('every process is alive and ready when its dependencies answer', async () => {
    const { users, quizzes, results } = stack.services;
    for (const [name, service] of Object.entries({ users, quizzes, results })) {
      expect(await probe(service.origin, '/health')).toEqual({ status: 200, body: { status: 'ok', service: name } });
      expect(await probe(service.origin, '/ready')).toEqual({ status: 200, body: { status: 'ready', service: name } });
    }
    expect(await probe(stack.router.origin, '/health')).toEqual({ status: 200, body: { status: 'ok', service: 'router' } });
    expect(await probe(stack.router.origin, '/ready')).toEqual({
      status: 200,
      body: { status: 'ready', subgraphs: { users: 'ready', quizzes: 'ready', results: 'ready' } },
    });
  });

  it('a subgraph whose database does not answer is alive but not ready; the router stays ready, degraded', async () => {
    // Port 1 on this machine: nothing listens, every connection is refused.
    broken = await newStack({ ...inject('databaseUrls'), results: 'postgresql://postgres@127.0.0.1:1/nowhere' }, 400);
    const { results, quizzes } = broken.services;
    expect(await probe(results.origin, '/health')).toMatchObject({ status: 200 });
    expect(await probe(results.origin, '/ready')).toEqual({ status: 503, body: { status: 'unavailable', service: 'results' } });
    // One subgraph down must not take every router replica out of the load balancer: the others answer.
    expect(await probe(broken.router.origin, '/ready')).toEqual({
      status: 200,
      body: { status: 'degraded', subgraphs: { users: 'ready', quizzes: 'ready', results: 'unavailable' } },
    });

    // Shutting down (the router here; subgraphs share the same server shell): readiness fails at once,
    // while the process still serves during the grace, then it takes no connection.
    const { router } = broken;
    expect((await probe(quizzes.origin, '/ready')).status).toBe(200);
    const closing = router.close();
    expect(await probe(router.origin, '/ready')).toEqual({ status: 503, body: { status: 'shutting down' } });
    expect(await probe(router.origin, '/health')).toMatchObject({ status: 200 });
    await closing;
    await expect(fetch(`${router.origin}/health`)).rejects.toThrow();
  });
});
