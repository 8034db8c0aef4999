import type { RunningRouter, RouterOptions } from '@quizgraph/router';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';
import { routerClient, routerInFrontOf, type Account } from './e2eClient.js';

/**
 * A subgraph that is down or slow costs only its own fields. Against the real stack with the results
 * service stopped, and against a second router whose results subgraph is a fake the test controls
 * (hanging, failing with 503, or passing through to the real one) and counts requests at.
 */
let stack: RunningStack;
let keysDir: string;
let author: Account;
let player: Account;
let quiz: { id: string; title: string; questionId: string; optionId: string };

const { api, ok, account } = routerClient(() => stack.router.url);

const UNAVAILABLE = { code: 'SERVICE_UNAVAILABLE', service: 'results' };
const UNAVAILABLE_MESSAGE = 'The results service is unavailable right now.';
const QUIZ_PAGE = `query ($id: ID!) {
  quiz(id: $id) {
    title
    author { displayName }
    stats { attempts players }
    leaderboard(first: 5) { totalCount edges { rank node { score user { displayName } } } }
  }
}`;

beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), 'quizgraph-e2e-keys-'));
  stack = await startStack({
    databases: inject('databaseUrls'),
    keysDir,
    ports: { router: 0, users: 0, quizzes: 0, results: 0 },
    logLevel: 'silent',
  });
  author = await account('Paula Author', 'AUTHOR');
  player = await account('Pete Player');
  const title = `Partial planets ${randomUUID().slice(0, 6)}`;
  const { createQuiz } = await ok(`mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id questions { id options { id label } } } }`, {
    accessToken: author.token,
    variables: { input: { title, questions: [{ prompt: 'Red planet?', options: [{ label: 'Venus' }, { label: 'Mars', correct: true }] }] } },
  });
  await ok(`mutation ($id: ID!) { publishQuiz(id: $id) { id } }`, { accessToken: author.token, variables: { id: createQuiz.id } });
  const question = createQuiz.questions[0];
  quiz = { id: createQuiz.id, title, questionId: question.id, optionId: question.options.find((o: { label: string }) => o.label === 'Mars').id };
  await ok(`mutation ($q: ID!, $a: [AnswerInput!]!) { submitQuiz(quizId: $q, answers: $a) { id } }`, {
    accessToken: player.token,
    variables: { q: quiz.id, a: [{ questionId: quiz.questionId, optionIds: [quiz.optionId] }] },
  });
}, 120_000);

let resultsStopped = false;
afterAll(async () => {
  if (!stack) return;
  // As stack.stop() does, but without closing the results service a second time.
  await stack.router.close();
  if (!resultsStopped) await stack.services.results.close();
  await stack.services.quizzes.close();
  await stack.services.users.close();
});

/** A subgraph the test controls in front of a real one, counting the queries and mutations it receives. */
type Behaviour = 'hang' | 'fail' | 'pass';
type Subgraph = 'users' | 'quizzes' | 'results';
interface FakeSubgraph {
  url: string;
  behaviour: Behaviour;
  queries: number;
  mutations: number;
  close(): Promise<void>;
}

async function startFakeSubgraph(target: Subgraph, behaviour: Behaviour): Promise<FakeSubgraph> {
  const sockets = new Set<Socket>();
  const fake: FakeSubgraph = { url: '', behaviour, queries: 0, mutations: 0, close: async () => undefined };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (/^\s*mutation\b/.test((JSON.parse(body) as { query: string }).query)) fake.mutations += 1;
    else fake.queries += 1;
    if (fake.behaviour === 'hang') return; // never answers
    if (fake.behaviour === 'fail') {
      res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503 upstream at http://10.0.0.7:4003 is gone</h1>');
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<
      string,
      string
    >;
    const answer = await fetch(stack.services[target].url, { method: 'POST', headers, body });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  fake.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const part of opened.splice(0).reverse()) await part.close();
});

/** A second router over the real services, but for one behind a fake (results unless said). */
async function routerWithFake(behaviour: Behaviour, options: Pick<RouterOptions, 'subgraphTimeoutMs' | 'subgraphResilience'>, target: Subgraph = 'results') {
  const fake = await startFakeSubgraph(target, behaviour);
  opened.push(fake);
  const { users, quizzes, results } = stack.services;
  const router: RunningRouter = await routerInFrontOf(stack, keysDir, {
    subgraphUrls: { users: users.url, quizzes: quizzes.url, results: results.url, [target]: fake.url },
    ...options,
  });
  opened.push(router);
  return { fake, client: routerClient(() => router.url) };
}

/** The stats part of the quiz page, through any router. */
const QUIZ_STATS = `query ($id: ID!) { quiz(id: $id) { title stats { attempts } } }`;

describe('a hung subgraph', () => {
  it('costs its fields after the timeout (each try of a query), while the rest arrives', async () => {
    const { fake, client } = await routerWithFake('hang', {
      subgraphTimeoutMs: 300,
      subgraphResilience: { retries: 1, retryBaseDelayMs: 1, breakerFailureThreshold: 100 },
    });
    const started = performance.now();
    const response = await client.api(QUIZ_STATS, { variables: { id: quiz.id } });
    const elapsed = performance.now() - started;
    expect(response.data).toEqual({ quiz: { title: quiz.title, stats: null } });
    expect(response.errors).toEqual([{ message: UNAVAILABLE_MESSAGE, path: ['quiz', 'stats'], extensions: UNAVAILABLE }]);
    expect(fake.queries).toBe(2);
    // Two tries of 300 ms; far from the 10 s default or a hang.
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(3_000);
  });
});

describe('the retry rule', () => {
  it('retries a failed query twice, and never a mutation', async () => {
    const { fake, client } = await routerWithFake('fail', {
      subgraphTimeoutMs: 2_000,
      subgraphResilience: { retries: 2, retryBaseDelayMs: 1, breakerFailureThreshold: 100 },
    });
    const page = await client.api(QUIZ_STATS, { variables: { id: quiz.id } });
    expect(page.data).toEqual({ quiz: { title: quiz.title, stats: null } });
    expect(page.errors).toEqual([{ message: UNAVAILABLE_MESSAGE, path: ['quiz', 'stats'], extensions: UNAVAILABLE }]);
    expect(fake.queries).toBe(3);

    const submit = await client.api(`mutation ($q: ID!, $a: [AnswerInput!]!) { submitQuiz(quizId: $q, answers: $a) { id } }`, {
      accessToken: player.token,
      variables: { q: quiz.id, a: [] },
    });
    expect(submit.data).toBeNull();
    expect(submit.errors).toEqual([{ message: UNAVAILABLE_MESSAGE, path: ['submitQuiz'], extensions: UNAVAILABLE }]);
    expect(fake.mutations).toBe(1);
    // Nothing of the fake's answer (its address, its page) reaches the client.
    expect(JSON.stringify([page, submit])).not.toMatch(/10\.0\.0\.7|upstream|503|127\.0\.0\.1/);
  });
});

describe('the circuit breaker', () => {
  it('opens after consecutive failures, fails fast while open, and closes after a successful trial', async () => {
    let now = 0;
    const { fake, client } = await routerWithFake('fail', {
      subgraphTimeoutMs: 2_000,
      subgraphResilience: { retries: 0, breakerFailureThreshold: 2, breakerCoolDownMs: 5_000, now: () => now },
    });
    const stats = () => client.api(QUIZ_STATS, { variables: { id: quiz.id } });
    for (let i = 0; i < 2; i++) expect((await stats()).errors).toEqual([expect.objectContaining({ extensions: UNAVAILABLE })]);
    expect(fake.queries).toBe(2);

    // Open: the subgraph is not called, even once it has recovered, until the cool-down is over.
    fake.behaviour = 'pass';
    const fast = await stats();
    expect(fast.data).toEqual({ quiz: { title: quiz.title, stats: null } });
    expect(fast.errors).toEqual([{ message: UNAVAILABLE_MESSAGE, path: ['quiz', 'stats'], extensions: UNAVAILABLE }]);
    now += 4_999;
    expect((await stats()).data!.quiz.stats).toBeNull();
    expect(fake.queries).toBe(2);

    // Half-open: one trial call; it succeeds and closes the circuit.
    now += 1;
    for (let i = 0; i < 2; i++) {
      const recovered = await stats();
      expect(recovered.errors).toBeUndefined();
      expect(recovered.data).toEqual({ quiz: { title: quiz.title, stats: { attempts: 1 } } });
    }
    expect(fake.queries).toBe(4);
  });
});

describe('entities of a failed subgraph in a list', () => {
  it('are null each with its own error at its path in the list', async () => {
    const { fake, client } = await routerWithFake('fail', { subgraphTimeoutMs: 2_000, subgraphResilience: { retries: 0 } }, 'users');
    const page = await client.api(`query ($id: ID!) { quiz(id: $id) { title leaderboard { edges { rank node { score user { displayName } } } } } }`, {
      variables: { id: quiz.id },
    });
    expect(page.data).toEqual({ quiz: { title: quiz.title, leaderboard: { edges: [{ rank: 1, node: { score: 1, user: null } }] } } });
    expect(page.errors).toEqual([
      {
        message: 'The users service is unavailable right now.',
        path: ['quiz', 'leaderboard', 'edges', 0, 'node', 'user', 'displayName'],
        extensions: { code: 'SERVICE_UNAVAILABLE', service: 'users' },
      },
    ]);
    expect(fake.queries).toBe(1);
  });
});

// Last: it stops the stack's results service.
describe('the results service stopped mid-test', () => {
  it('costs a quiz page only its stats and leaderboard', async () => {
    const before = await ok(QUIZ_PAGE, { variables: { id: quiz.id } });
    expect(before.quiz).toMatchObject({ title: quiz.title, author: { displayName: 'Paula Author' }, stats: { attempts: 1, players: 1 } });
    expect(before.quiz.leaderboard.edges).toEqual([{ rank: 1, node: { score: 1, user: { displayName: 'Pete Player' } } }]);

    await stack.services.results.close();
    resultsStopped = true;

    const page = await api(QUIZ_PAGE, { variables: { id: quiz.id } });
    expect(page.status).toBe(200);
    expect(page.data).toEqual({ quiz: { title: quiz.title, author: { displayName: 'Paula Author' }, stats: null, leaderboard: null } });
    expect(page.errors).toEqual(
      expect.arrayContaining([
        { message: UNAVAILABLE_MESSAGE, path: ['quiz', 'stats'], extensions: UNAVAILABLE },
        { message: UNAVAILABLE_MESSAGE, path: ['quiz', 'leaderboard'], extensions: UNAVAILABLE },
      ]),
    );
    expect(page.errors).toHaveLength(2);
  });

  it('costs a page that mixes the global leaderboard with other services only the leaderboard', async () => {
    const home = await api(`query { leaderboard { totalCount } quizzes(first: 1) { edges { node { id } } } me { displayName stats { attempts } } }`, {
      accessToken: player.token,
    });
    expect(home.data).toMatchObject({ leaderboard: null, me: { displayName: 'Pete Player', stats: null } });
    expect(home.data!.quizzes.edges).toHaveLength(1);
    expect(home.errors).toEqual(
      expect.arrayContaining([
        { message: UNAVAILABLE_MESSAGE, path: ['leaderboard'], extensions: UNAVAILABLE },
        { message: UNAVAILABLE_MESSAGE, path: ['me', 'stats'], extensions: UNAVAILABLE },
      ]),
    );
    expect(home.errors).toHaveLength(2);
  });
});
