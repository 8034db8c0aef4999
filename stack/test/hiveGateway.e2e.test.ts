import { REPO_ROOT } from '@quizgraph/prisma';
import type { GatewayConfigSupergraph } from '@graphql-hive/gateway';
import { CLIENT_ADDRESS_HEADER, ROUTER_TOKEN_HEADER, routerTokenDigest, SERVICE_CREDENTIAL_HEADER } from '@quizgraph/service-kit';
import { request as httpRequest } from 'node:http';
import pg from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, spawnChild, startServiceProcesses, type RunningChild, type RunningServiceProcesses } from '../src/processes.js';
import { routerClient } from './e2eClient.js';

/**
 * Hive Gateway in front of the real subgraph processes, configured ONLY by the file this project ships
 * (routers/hive-gateway/gateway.config.ts) and environment variables: the committed supergraph.graphql
 * unchanged, the subgraphs' URLs by <NAME>_SUBGRAPH_URL, and the router token (ROUTER_TOKEN_FILE) whose
 * digest the subgraphs are given (ROUTER_TOKEN_SHA256_FILE). No plugin, no credential minted.
 */
const CONFIG = join(REPO_ROOT, 'routers/hive-gateway/gateway.config.ts');
const HIVE_BIN = join(dirname(fileURLToPath(import.meta.resolve('@graphql-hive/gateway'))), 'bin.js');

let dir: string;
let stack: (RunningServiceProcesses & { stop(): Promise<void> }) | undefined;
let hive: RunningChild | undefined;
let hiveUrl = '';
const token = randomBytes(32).toString('hex');
const { ok, api, account } = routerClient(() => hiveUrl);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizgraph-hive-gateway-'));
  // As an operator would: the token in one secret file (the gateway's), its digest in another (the subgraphs').
  await writeFile(join(dir, 'router-token'), token);
  await writeFile(join(dir, 'router-token.sha256'), `${routerTokenDigest(token)}\n`);
  const digestFile = { ROUTER_TOKEN_SHA256_FILE: join(dir, 'router-token.sha256') };
  stack = await startServiceProcesses({
    databases: inject('databaseUrls'),
    keysDir: join(dir, 'keys'),
    supergraphPath: join(REPO_ROOT, 'supergraph.graphql'),
    ports: { router: 0, users: 0, quizzes: 0, results: 0 },
    logLevel: 'silent',
    output: 'ignore',
    extraEnv: { users: digestFile, quizzes: digestFile, results: digestFile },
  });
  const port = await freePort();
  const at = (url: string) => url.replace('localhost', '127.0.0.1');
  hive = await spawnChild(
    {
      name: 'hive-gateway',
      script: HIVE_BIN,
      args: ['supergraph', '--host', '127.0.0.1', '--port', String(port), '--config-path', CONFIG],
      // Nothing inherited but PATH: the shipped file and these variables are the whole configuration.
      env: {
        PATH: process.env.PATH,
        ROUTER_TOKEN_FILE: join(dir, 'router-token'),
        USERS_SUBGRAPH_URL: at(stack.services.users.url),
        QUIZZES_SUBGRAPH_URL: at(stack.services.quizzes.url),
        RESULTS_SUBGRAPH_URL: at(stack.services.results.url),
        LOG_LEVEL: 'error',
      },
      readyUrl: `http://127.0.0.1:${port}/readiness`,
      output: 'ignore',
    },
    90_000,
  );
  hiveUrl = `http://127.0.0.1:${port}/graphql`;
}, 180_000);

afterAll(async () => {
  await hive?.stop(10_000);
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Hive Gateway with the shipped gateway.config.ts', () => {
  it('is a valid Hive Gateway configuration serving the committed supergraph', async () => {
    process.env.ROUTER_TOKEN = token;
    try {
      const { gatewayConfig } = await import('../../routers/hive-gateway/gateway.config.js');
      // Checked against Hive Gateway's own type: a key it does not know fails the typecheck.
      const typed: GatewayConfigSupergraph = gatewayConfig;
      expect(typed.supergraph).toBe(join(REPO_ROOT, 'supergraph.graphql'));
      const request = new Request('http://x', { headers: { cookie: 'a=b', 'x-real-ip': '198.51.100.9', [CLIENT_ADDRESS_HEADER]: '10.1.1.1' } });
      const context = { req: { socket: { remoteAddress: '203.0.113.5' } } };
      // Only the token and the connection's address: not the cookie, nor the client's own address header.
      expect(gatewayConfig.propagateHeaders.fromClientToSubgraphs({ request, context })).toEqual({
        [ROUTER_TOKEN_HEADER]: token,
        [CLIENT_ADDRESS_HEADER]: '203.0.113.5',
      });
      // Behind a proxy that overwrites it, the header it names; of a list, the entry that proxy added.
      process.env.CLIENT_ADDRESS_HEADER = 'X-Forwarded-For';
      const forwarded = new Request('http://x', { headers: { 'x-forwarded-for': '10.9.9.9, 198.51.100.20' } });
      expect(gatewayConfig.propagateHeaders.fromClientToSubgraphs({ request: forwarded, context })[CLIENT_ADDRESS_HEADER]).toBe('198.51.100.20');
      expect(gatewayConfig.propagateHeaders.fromClientToSubgraphs({ request: new Request('http://x'), context })[CLIENT_ADDRESS_HEADER]).toBeUndefined();
    } finally {
      delete process.env.ROUTER_TOKEN;
      delete process.env.CLIENT_ADDRESS_HEADER;
    }
  });

  it('serves sign-up, sign-in, an attempt started and submitted, and the leaderboards with names and titles', async () => {
    const author = await account('Hive Author', 'AUTHOR');
    const title = `Through Hive ${randomUUID().slice(0, 8)}`;
    const { createQuiz } = await ok(`mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id } }`, {
      accessToken: author.token,
      variables: {
        input: {
          title,
          questions: [
            {
              prompt: 'Which planet is largest?',
              points: 10,
              options: [
                { label: 'Jupiter', correct: true },
                { label: 'Mars', correct: false },
              ],
            },
          ],
        },
      },
    });
    await ok(`mutation ($id: ID!) { publishQuiz(id: $id) { id } }`, { accessToken: author.token, variables: { id: createQuiz.id } });

    const player = await account(`Hive Player ${randomUUID().slice(0, 4)}`);
    const { startAttempt } = await ok(`mutation ($quizId: ID!) { startAttempt(quizId: $quizId) { id status questions { id options { id label } } } }`, {
      accessToken: player.token,
      variables: { quizId: createQuiz.id },
    });
    expect(startAttempt.status).toBe('IN_PROGRESS');
    const question = startAttempt.questions[0];
    const jupiter = question.options.find((o: { label: string }) => o.label === 'Jupiter').id;
    const { submitAttempt } = await ok(
      `mutation ($attemptId: ID!, $answers: [AnswerInput!]!) { submitAttempt(attemptId: $attemptId, answers: $answers) { status score maxScore } }`,
      { accessToken: player.token, variables: { attemptId: startAttempt.id, answers: [{ questionId: question.id, optionIds: [jupiter] }] } },
    );
    expect(submitAttempt).toEqual({ status: 'SUBMITTED', score: 10, maxScore: 10 });

    // Scores from results, names from users, the title from quizzes: a plan over all three subgraphs.
    const data = await ok(
      `query ($id: ID!) {
        leaderboard(first: 100) { edges { node { score user { id displayName } } } viewerEntry { score } }
        quiz(id: $id) { title author { displayName } leaderboard(first: 5) { edges { rank node { score user { displayName } } } } }
      }`,
      { accessToken: player.token, variables: { id: createQuiz.id } },
    );
    expect(data.quiz.title).toBe(title);
    expect(data.quiz.author.displayName).toBe('Hive Author');
    expect(data.quiz.leaderboard.edges).toEqual([{ rank: 1, node: { score: 10, user: { displayName: player.name } } }]);
    expect(data.leaderboard.edges).toContainEqual({ node: { score: 10, user: { id: player.id, displayName: player.name } } });
    // The viewer's own entry: the client's access token reached results through the gateway.
    expect(data.leaderboard.viewerEntry).toEqual({ score: 10 });
  });

  it('passes the client’s address on, so the users service limits sign-ins per address behind it too', async () => {
    // From a loopback address no other test uses, so the throttle row found is this request's.
    const from = `127.0.${1 + Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
    const body = JSON.stringify({
      query: 'mutation ($e: String!) { login(email: $e, password: "wrong password") { accessToken } }',
      variables: { e: `nobody-${randomUUID()}@example.com` },
    });
    const answer = await new Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>((resolve, reject) => {
      const req = httpRequest(
        hiveUrl,
        { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: '10.1.1.1' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk));
          res.on('end', () => resolve(JSON.parse(text)));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const db = new pg.Client({ connectionString: inject('databaseUrls').users });
    await db.connect();
    try {
      const { rows } = await db.query<{ key: string; failures: number }>('SELECT key, failures FROM "LoginThrottle" WHERE key = ANY($1)', [
        [`address:${from}`, 'address:10.1.1.1'],
      ]);
      expect(rows).toEqual([{ key: `address:${from}`, failures: 1 }]);
    } finally {
      await db.end();
    }
  });

  it('passes the client’s request id on to the subgraphs', async () => {
    const requestId = `hive-${randomUUID()}`;
    const response = await fetch(hiveUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
  });

  it('leaves the subgraphs refusing everyone else: no proof, a wrong token, a client’s own token header', async () => {
    const direct = (headers: Record<string, string>) =>
      fetch(stack!.services.results.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
    const strangers: Array<Record<string, string>> = [{}, { [ROUTER_TOKEN_HEADER]: randomBytes(32).toString('hex') }, { [SERVICE_CREDENTIAL_HEADER]: token }];
    for (const headers of strangers) {
      const response = await direct(headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
    // The right token opens /graphql only: the internal channels still want a signed credential.
    expect((await direct({ [ROUTER_TOKEN_HEADER]: token })).status).toBe(200);
    const internal = await fetch(`${stack!.services.quizzes.origin.replace('localhost', '127.0.0.1')}/internal/quizzes/${randomUUID()}/answer-key`, {
      headers: { [ROUTER_TOKEN_HEADER]: token },
    });
    expect(internal.status).toBe(401);
    // Whatever a client sends in the token header, the gateway sends its own.
    expect((await api('{ __typename }', { headers: { [ROUTER_TOKEN_HEADER]: 'forged' } })).data).toEqual({ __typename: 'Query' });
  });
});
