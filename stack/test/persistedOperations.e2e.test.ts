import { safelistFrom, type RunningRouter } from '@quizgraph/router';
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';
import { routerInFrontOf } from './e2eClient.js';

let stack: RunningStack;
let keysDir: string;
let safelisted: RunningRouter;

const CATEGORIES = 'query Categories { categories { category count } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> },
  }));

beforeAll(async () => {
  keysDir = join(await mkdtemp(join(tmpdir(), 'quizgraph-persisted-')), 'keys');
  stack = await startStack({ databases: inject('databaseUrls'), keysDir, ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logLevel: 'silent' });
  safelisted = await routerInFrontOf(stack, keysDir, {
    production: true,
    subgraphTimeoutMs: 5_000,
    safelist: safelistFrom({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: 'categories-v1', name: 'Categories', type: 'query', body: CATEGORIES }],
    }),
  });
});

afterAll(async () => {
  await safelisted?.close();
  await stack?.stop();
});

describe('automatic persisted queries (default)', () => {
  it('run a query by its SHA-256 once the router has seen it', async () => {
    const persistedQuery = { version: 1, sha256Hash: sha256(CATEGORIES) };
    const unknown = await post(stack.router.url, { extensions: { persistedQuery } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(stack.router.url, { query: CATEGORIES, extensions: { persistedQuery } });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post(stack.router.url, { extensions: { persistedQuery } });
    expect(byHash.body).toEqual(registered.body);
  });
});

describe('safelist mode', () => {
  it('runs a safelisted operation by its manifest id, by its SHA-256, or by its exact body', async () => {
    for (const body of [
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'categories-v1' } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(CATEGORIES) } } },
      { query: `\n  ${CATEGORIES}  \n` },
    ]) {
      const response = await post(safelisted.url, body);
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toHaveProperty('categories');
    }
    const get = await fetch(
      `${safelisted.url}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'categories-v1' } }))}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(get.status).toBe(200);
  });

  it('refuses anything else with 400 PERSISTED_QUERY_NOT_IN_SAFELIST, and registers nothing', async () => {
    const refusals = [
      await post(safelisted.url, { query: '{ categories { category } }' }),
      // Whitespace inside a body matters: it could bring a commented-out line to life.
      await post(safelisted.url, { query: CATEGORIES.replace(/ /g, '  ') }),
      await post(safelisted.url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ __typename }') } } }),
      // A registration attempt, as automatic persisted queries would make it.
      await post(safelisted.url, { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ __typename }') } } }),
      // A safelisted id with another body.
      await post(safelisted.url, { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'categories-v1' } } }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
    }
  });

  it('refuses a manifest that is not in Apollo’s format', () => {
    expect(() => safelistFrom({ operations: [] })).toThrow(/persisted-query manifest/);
  });
});
