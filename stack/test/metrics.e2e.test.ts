import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';

let stack: RunningStack;

beforeAll(async () => {
  const keysDir = join(await mkdtemp(join(tmpdir(), 'quizgraph-metrics-')), 'keys');
  stack = await startStack({ databases: inject('databaseUrls'), keysDir, ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logLevel: 'silent' });
});

afterAll(async () => {
  await stack?.stop();
});

/** The sample lines of one metric whose labels include every given one. */
async function samples(origin: string, metric: string, labels: Record<string, string>): Promise<number[]> {
  const response = await fetch(`${origin}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`) && Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
}

describe('/metrics', () => {
  it('counts a request by operation at the router and at each subgraph it crossed, with the router’s fetches by subgraph', async () => {
    const query = 'query MetricsProbe { quizzes(first: 1) { totalCount } leaderboard(first: 1) { totalCount } }';
    for (let i = 0; i < 2; i++) {
      const response = await fetch(stack.router.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      expect(response.status).toBe(200);
    }
    expect(
      await samples(stack.router.origin, 'quizgraph_graphql_requests_total', { operation: 'MetricsProbe', type: 'query', outcome: 'ok', service: 'router' }),
    ).toEqual([2]);
    expect(await samples(stack.router.origin, 'quizgraph_graphql_request_duration_seconds_count', { operation: 'MetricsProbe' })).toEqual([2]);
    for (const subgraph of ['quizzes', 'results']) {
      expect(await samples(stack.router.origin, 'quizgraph_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' })).toEqual([2]);
    }
    // The subgraphs see the router's own operation names for their parts: counted there by type.
    for (const service of ['quizzes', 'results'] as const) {
      const counted = await samples(stack.services[service].origin, 'quizgraph_graphql_requests_total', { type: 'query', outcome: 'ok', service });
      expect(counted.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
    }
  });

  it('shows each subgraph’s database pools and outbox backlog, and Node’s own metrics', async () => {
    for (const service of ['users', 'quizzes', 'results'] as const) {
      const origin = stack.services[service].origin;
      expect(await samples(origin, 'quizgraph_db_pool_connections', { pool: 'requests', state: 'total' })).toHaveLength(1);
      expect(await samples(origin, 'quizgraph_outbox_events', { state: 'dead' })).toEqual([0]);
      expect(await samples(origin, 'process_cpu_user_seconds_total', { service })).toHaveLength(1);
    }
  });

  it('counts an operation without a name as anonymous', async () => {
    const weird = await fetch(stack.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ quizzes(first: 1) { totalCount } }' }),
    });
    expect(weird.status).toBe(200);
    expect(await samples(stack.router.origin, 'quizgraph_graphql_requests_total', { operation: 'anonymous' })).not.toHaveLength(0);
  });
});
