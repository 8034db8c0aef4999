import type { RouterOptions, RunningRouter } from '@quizgraph/router';
import { graphqlRequest, type GraphQLResponse } from '@quizgraph/service-kit';
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';
import { routerInFrontOf } from './e2eClient.js';

/**
 * The public router refuses abusive query shapes before graphql-js validates them (where they cost
 * seconds), with HTTP 400 and a code, while other clients go on being served; in production it shows
 * no limit values, no field suggestions, no introspection and no Sandbox.
 */
let stack: RunningStack;
/** A production router in front of the stack's subgraphs, with the default limits. */
let production: RunningRouter;
/** A development router with small limits, to try each one at its edge. */
let tight: RunningRouter;
const opened: RunningRouter[] = [];

async function routerInFrontOfStack(keysDir: string, options: Partial<RouterOptions>): Promise<RunningRouter> {
  const router = await routerInFrontOf(stack, keysDir, options);
  opened.push(router);
  return router;
}

beforeAll(async () => {
  const keysDir = join(await mkdtemp(join(tmpdir(), 'quizgraph-limits-')), 'keys');
  stack = await startStack({ databases: inject('databaseUrls'), keysDir, ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logLevel: 'silent' });
  production = await routerInFrontOfStack(keysDir, { production: true });
  tight = await routerInFrontOfStack(keysDir, {
    queryLimits: { maxTokens: 40, maxDepth: 4, maxAliases: 2, maxDirectives: 2, maxRepeatedFields: 2, maxFields: 8, maxCost: 11 },
  });
  // The other client's query once, so that its timing below is not its first plan's.
  await graphqlRequest(stack.router.url, OTHER_CLIENT);
}, 120_000);

afterAll(async () => {
  for (const router of opened) await router.close();
  await stack?.stop();
});

/** A small query of another client, served while the abusive ones are refused. */
const OTHER_CLIENT = '{ quizzes(first: 5) { totalCount edges { node { title } } } }';
const LIMIT_CODES = [
  'TOO_MANY_TOKENS',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_REPEATED_FIELDS',
  'TOO_MANY_FIELDS',
  'QUERY_TOO_COMPLEX',
];
const codesOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => (response.errors ?? []).map((e) => e.extensions?.code);

/** The abusive shapes measured on the router before it had limits (issue 8). */
const board = 'leaderboard { edges { rank node { score user { displayName } } } }';
let nested = 'id';
for (let i = 0; i < 4; i++) nested = `author { authoredQuizzes { edges { node { ${nested} } } } }`;
const ABUSIVE: Record<string, { query: string; code: string }> = {
  // 78 kB: validation compared every pair of the 1,000 for 15-21 s.
  'one field repeated 1,000 times': { query: `{ ${Array.from({ length: 1_000 }, () => board).join(' ')} }`, code: 'TOO_MANY_TOKENS' },
  'one field repeated 400 times': {
    query: `{ ${Array.from({ length: 400 }, () => 'leaderboard { totalCount }').join(' ')} }`,
    code: 'TOO_MANY_REPEATED_FIELDS',
  },
  // 1 kB that answered 8.2 MB after 9 s.
  'author { authoredQuizzes { … } } 16 levels deep': { query: `{ quiz(id: "00000000-0000-0000-0000-000000000000") { ${nested} } }`, code: 'QUERY_TOO_DEEP' },
  'two author cycles within the depth limit': {
    query: '{ quizzes(first: 100) { edges { node { author { authoredQuizzes(first: 100) { edges { node { title author { displayName } } } } } } } } }',
    code: 'QUERY_TOO_COMPLEX',
  },
  // 9.4 s.
  '1,000 aliases of a leaderboard': { query: `{ ${Array.from({ length: 1_000 }, (_, i) => `b${i}: ${board}`).join(' ')} }`, code: 'TOO_MANY_TOKENS' },
  '600 aliases of a leaderboard total': {
    query: `{ ${Array.from({ length: 600 }, (_, i) => `b${i}: leaderboard { totalCount }`).join(' ')} }`,
    code: 'TOO_MANY_ALIASES',
  },
  // Crashed the query planner's stack (HTTP 500).
  '2,400 nested selections': { query: `{ ${'me { '.repeat(2_400)}id${' }'.repeat(2_400)} }`, code: 'TOO_MANY_TOKENS' },
  '1,500 nested selections': { query: `{ ${'me { '.repeat(1_500)}id${' }'.repeat(1_500)} }`, code: 'QUERY_TOO_DEEP' },
};

describe('abusive shapes', () => {
  it.each(Object.entries(ABUSIVE))(
    '%s: refused with 400 and a code in a fraction of a second, while another client is served',
    async (_name, { query, code }) => {
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const started = performance.now();
      const [abusive, served] = await Promise.all([
        graphqlRequest(stack.router.url, query).then((r) => ({ ...r, ms: performance.now() - started })),
        graphqlRequest(stack.router.url, OTHER_CLIENT).then((r) => ({ ...r, ms: performance.now() - started })),
      ]);
      delay.disable();
      expect(abusive.status).toBe(400);
      expect(codesOf(abusive)).toEqual([code]);
      expect(abusive.data).toBeUndefined();
      expect(abusive.ms).toBeLessThan(500);
      expect(served.errors).toBeUndefined();
      expect(served.ms).toBeLessThan(1_000);
      // Before the limits, each of these held the event loop for seconds.
      expect(delay.max / 1e6).toBeLessThan(250);
    },
  );

  it('are refused in a GET request too, and a batch is refused as a whole', async () => {
    const url = new URL(stack.router.url);
    url.searchParams.set('query', ABUSIVE['author { authoredQuizzes { … } } 16 levels deep']!.query);
    const get = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(codesOf((await get.json()) as GraphQLResponse)).toEqual(['QUERY_TOO_DEEP']);

    const batch = await fetch(stack.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
    const body = (await batch.json()) as GraphQLResponse;
    expect(codesOf(body)).toEqual(['BAD_REQUEST']);
    expect(body.errors![0]!.message).toMatch(/batching/i);
  });
});

const NO_QUIZ = '00000000-0000-0000-0000-000000000000';
const tagged = (tags: number) => `{ quizzes(first: 1, filter: { tags: [${Array.from({ length: tags }, (_, i) => `"t${i}"`).join(' ')}] }) { totalCount } }`;

describe('each limit at its edge (a router with small limits)', () => {
  const cases: Array<{ limit: string; at: string; over: string; code: string }> = [
    // 19 tokens and one per tag.
    { limit: 'tokens (40)', at: tagged(21), over: tagged(22), code: 'TOO_MANY_TOKENS' },
    {
      limit: 'depth (4)',
      at: `{ quiz(id: "${NO_QUIZ}") { author { stats { rank } } } }`,
      over: `{ quiz(id: "${NO_QUIZ}") { leaderboard(first: 1) { edges { node { rank } } } } }`,
      code: 'QUERY_TOO_DEEP',
    },
    { limit: 'aliases (2)', at: '{ a: me { id } b: me { id } }', over: '{ a: me { id } b: me { id } c: me { id } }', code: 'TOO_MANY_ALIASES' },
    {
      limit: 'directives (2)',
      at: '{ me @include(if: true) { id @skip(if: false) } }',
      over: '{ me @include(if: true) { id @skip(if: false) displayName @skip(if: false) } }',
      code: 'TOO_MANY_DIRECTIVES',
    },
    { limit: 'repeated fields (2)', at: '{ me { id id id } }', over: '{ me { id id id id } }', code: 'TOO_MANY_REPEATED_FIELDS' },
    {
      limit: 'fields (8)',
      at: '{ me { id displayName bio avatarUrl role createdAt email } }',
      over: '{ me { id displayName bio avatarUrl role createdAt email sessions { id } } }',
      code: 'TOO_MANY_FIELDS',
    },
    // 1 for the connection + first × (1 edge + 1 node).
    {
      limit: 'cost (11)',
      at: '{ quizzes(first: 5) { edges { node { id } } } }',
      over: '{ quizzes(first: 6) { edges { node { id } } } }',
      code: 'QUERY_TOO_COMPLEX',
    },
  ];

  it.each(cases)('$limit', async ({ at, over, code }) => {
    const passing = await graphqlRequest(tight.url, at);
    expect(passing.status).toBe(200);
    expect(passing.errors).toBeUndefined();
    const refused = await graphqlRequest(tight.url, over);
    expect(refused.status).toBe(400);
    expect(codesOf(refused)).toEqual([code]);
    // Development says by how much.
    expect(refused.errors![0]!.extensions).toMatchObject({ code, limit: expect.any(Number), actual: expect.any(Number) });
    expect(refused.errors![0]!.message).toMatch(/\d/);
  });

  it('sizes a connection by `first` given as a variable', async () => {
    const query = 'query ($n: Int) { quizzes(first: $n) { edges { node { id } } } }';
    expect((await graphqlRequest(tight.url, query, { variables: { n: 5 } })).errors).toBeUndefined();
    expect(codesOf(await graphqlRequest(tight.url, query, { variables: { n: 6 } }))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('checks a persisted query sent by its hash alone, with the variables it comes with', async () => {
    const query = 'query Sized($n: Int) { quizzes(first: $n) { edges { node { id } } } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const send = async (body: Record<string, unknown>) => {
      const response = await fetch(tight.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { ...((await response.json()) as GraphQLResponse), status: response.status };
    };
    // Registered with its text (the gate checks it), then sent as the hash only.
    expect((await send({ query, variables: { n: 5 }, extensions: { persistedQuery } })).errors).toBeUndefined();
    expect((await send({ variables: { n: 5 }, extensions: { persistedQuery } })).errors).toBeUndefined();
    const refused = await send({ variables: { n: 6 }, extensions: { persistedQuery } });
    expect(refused.status).toBe(400);
    expect(refused.errors).toEqual([
      { message: expect.stringMatching(/cost is 13; the limit is 11/), extensions: { code: 'QUERY_TOO_COMPLEX', limit: 11, actual: 13 } },
    ]);
  });
});

describe('the default limits', () => {
  it('let through the deepest and the costliest queries of real screens', async () => {
    const screens = [
      // An attempt's review: 8 deep.
      `query ($q: ID!) { me { attempts(quizId: $q) { edges { node { score questions { review { correct score correctAnswer { optionIds } explanation } } } } } } }`,
      // The answer key over every version: the costliest (about 21,000).
      `query ($q: ID!) { quiz(id: $q) { title version versions { version createdAt totalPoints
         settings { timeLimitSeconds maxAttempts scoringPolicy reviewPolicy leaderboardAttempt }
         questions { id position type prompt points explanation scoring options { id label correct weight }
           correctAnswer numericAnswer tolerance acceptedAnswers caseSensitive items { id label } } } } }`,
      // A quiz page.
      `query ($q: ID!) { quiz(id: $q) { title author { displayName } stats { attempts players }
         leaderboard(first: 100) { totalCount edges { rank node { score user { displayName } } } } } }`,
    ];
    for (const query of screens) {
      const response = await graphqlRequest(production.url, query, { variables: { q: '00000000-0000-0000-0000-000000000000' } });
      expect(response.status).toBe(200);
      expect(codesOf(response).filter((c) => LIMIT_CODES.includes(String(c)))).toEqual([]);
    }
  });
});

describe('production mode', () => {
  it('refuses a limit without saying its value', async () => {
    const refused = await graphqlRequest(production.url, ABUSIVE['author { authoredQuizzes { … } } 16 levels deep']!.query);
    expect(refused.status).toBe(400);
    expect(refused.errors).toEqual([{ message: 'The query nests fields too deeply.', extensions: { code: 'QUERY_TOO_DEEP' } }]);
    const development = await graphqlRequest(stack.router.url, ABUSIVE['author { authoredQuizzes { … } } 16 levels deep']!.query);
    // Counted until the first level past the limit.
    expect(development.errors![0]!.message).toMatch(/11 deep; the limit is 10/);
  });

  it('suggests no field, argument or enum value', async () => {
    const unknownField = '{ quizes { totalCount } }';
    const badEnum = { query: 'query ($w: LeaderboardWindow) { leaderboard(window: $w) { totalCount } }', variables: { w: 'WEEKK' } };
    // Development helps (so the check below can fail)…
    expect(JSON.stringify(await graphqlRequest(stack.router.url, unknownField))).toMatch(/Did you mean/);
    expect(JSON.stringify(await graphqlRequest(stack.router.url, badEnum.query, { variables: badEnum.variables }))).toMatch(/Did you mean/);
    // …production names nothing of the schema.
    const field = await graphqlRequest(production.url, unknownField);
    expect(field.status).toBe(400);
    expect(codesOf(field)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(field)).not.toMatch(/Did you mean|quizzes/);
    const value = await graphqlRequest(production.url, badEnum.query, { variables: badEnum.variables });
    expect(value.errors).toHaveLength(1);
    expect(JSON.stringify(value)).not.toMatch(/Did you mean|"WEEK"/);
    const argument = await graphqlRequest(production.url, '{ quizzes(frist: 1) { totalCount } }');
    expect(JSON.stringify(argument)).not.toMatch(/Did you mean|first/);
  });

  it('answers no introspection, shows no Sandbox and no stack trace', async () => {
    const introspection = await graphqlRequest(production.url, '{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(codesOf(introspection)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await graphqlRequest(stack.router.url, '{ __schema { queryType { name } } }')).errors).toBeUndefined();

    const page = (url: string) => fetch(url, { headers: { accept: 'text/html' } });
    expect(await (await page(stack.router.url)).text()).toMatch(/embeddable-sandbox/);
    const none = await page(production.url);
    expect(none.status).toBe(400);
    expect(none.headers.get('content-type')).toMatch(/json/);
    expect(await none.text()).not.toMatch(/<html|sandbox/i);

    const broken = await graphqlRequest(production.url, '{ quiz(id: 1 2) { title } }');
    expect(codesOf(broken)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(JSON.stringify(broken)).not.toMatch(/stacktrace|\n\s+at |node_modules/);
  });
});
