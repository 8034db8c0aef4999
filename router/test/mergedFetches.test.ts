import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createTestKeys, silentLogger } from '@quizgraph/service-kit/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterContext } from '../src/context.js';
import { SubgraphDataSource } from '../src/subgraphDataSource.js';

/** A subgraph that counts what it is asked and answers only when the test says so. */
let server: Server;
let url: string;
const asked: Array<{ query: string; authorization: string | undefined }> = [];
let answerAll: () => void = () => undefined;
const held: Array<() => void> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { query } = JSON.parse(body) as { query: string };
      asked.push({ query, authorization: req.headers.authorization });
      const count = asked.length;
      held.push(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { leaderboard: { totalCount: count } } })));
    });
  });
  answerAll = () => {
    for (const answer of held.splice(0)) answer();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function dataSource() {
  const keys = await createTestKeys();
  return new SubgraphDataSource({ name: 'results', url, signer: keys.signer('router'), timeoutMs: 5_000, resilience: { retries: 0 } });
}

function call(source: SubgraphDataSource, query: string, accessToken?: string) {
  const context = { requestId: 'req', logger: silentLogger, accessToken, viewer: null, client: { address: null, userAgent: null } } as unknown as RouterContext;
  return source.process({
    kind: 'incoming operation' as GraphQLDataSourceProcessOptions<RouterContext>['kind'],
    request: { query, variables: {}, http: { method: 'POST', url, headers: new Headers() as never } },
    context,
    incomingRequestContext: { context } as never,
  } as GraphQLDataSourceProcessOptions<RouterContext>);
}

/** Waits until the fake subgraph has been asked `n` times in all. */
async function askedTimes(n: number) {
  while (asked.length < n) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('merged in-flight fetches', () => {
  it('ask once for identical queries of one caller in flight together, and give each its own copy', async () => {
    asked.length = 0;
    const source = await dataSource();
    const query = 'query Board__results__0 { leaderboard(first: 5) { totalCount } }';
    const answers = Array.from({ length: 5 }, () => call(source, query, 'token-a'));
    await askedTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    answerAll();
    const responses = await Promise.all(answers);
    expect(asked).toHaveLength(1);
    expect(responses.map((r) => r.data)).toEqual(Array.from({ length: 5 }, () => ({ leaderboard: { totalCount: 1 } })));
    // Copies: what the gateway merges into one response never shows in another.
    (responses[0]!.data as { leaderboard: { totalCount: number } }).leaderboard.totalCount = 99;
    expect(responses.slice(1).map((r) => (r.data as { leaderboard: { totalCount: number } }).leaderboard.totalCount)).toEqual([1, 1, 1, 1]);
    // Once answered, the next identical query asks again.
    const later = call(source, query, 'token-a');
    await askedTimes(2);
    answerAll();
    expect((await later).data).toEqual({ leaderboard: { totalCount: 2 } });
  });

  it('never merge mutations, nor the same query of different callers', async () => {
    asked.length = 0;
    const source = await dataSource();
    const mutation = 'mutation Submit__results__0 { submitQuiz(quizId: "q", answers: []) { id } }';
    const query = 'query Me__results__0 { me { stats { attempts } } }';
    const answers = [
      call(source, mutation, 'token-a'),
      call(source, mutation, 'token-a'),
      call(source, query, 'token-a'),
      call(source, query, 'token-b'),
      call(source, query),
    ];
    await askedTimes(5);
    answerAll();
    await Promise.all(answers);
    expect(asked.map((a) => [a.query.split(' ')[0], a.authorization ?? null])).toEqual(
      expect.arrayContaining([
        ['mutation', 'Bearer token-a'],
        ['mutation', 'Bearer token-a'],
        ['query', 'Bearer token-a'],
        ['query', 'Bearer token-b'],
        ['query', null],
      ]),
    );
    expect(asked).toHaveLength(5);
  });
});
