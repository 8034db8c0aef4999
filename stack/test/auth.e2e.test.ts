import type { AnyJson } from '@quizgraph/service-kit';
import {
  graphqlRequest,
  loadOrCreateDevKeyRing,
  rotateDevKey,
  verificationKeysFromJwks,
  type GraphQLResponse,
  type RequestOptions,
} from '@quizgraph/service-kit';
import { setRoleByEmail } from '@quizgraph/users/admin';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';

let stack: RunningStack;
let keysDir: string;

const start = async () =>
  startStack({ databases: inject('databaseUrls'), keysDir, ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logLevel: 'silent' });
const api = <T = AnyJson>(query: string, options?: RequestOptions): Promise<GraphQLResponse<T>> => graphqlRequest<T>(stack.router.url, query, options);

const PASSWORD = 'a long enough passphrase';
const SESSION = 'accessToken refreshToken refreshTokenExpiresAt user { id role }';

async function register(displayName = 'Auth Tester') {
  const email = `auth-${randomUUID()}@test.quizgraph.dev`;
  const { data, errors } = await api(`mutation ($e: String!, $p: String!, $n: String!) { register(email: $e, password: $p, displayName: $n) { ${SESSION} } }`, {
    variables: { e: email, p: PASSWORD, n: displayName },
  });
  expect(errors).toBeUndefined();
  return {
    email,
    id: data!.register.user.id as string,
    accessToken: data!.register.accessToken as string,
    refreshToken: data!.register.refreshToken as string,
  };
}

async function login(email: string) {
  const { data, errors } = await api(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ${SESSION} } }`, {
    variables: { e: email, p: PASSWORD },
  });
  expect(errors).toBeUndefined();
  return data!.login as { accessToken: string; refreshToken: string; user: { id: string; role: string } };
}

async function withRole(role: 'AUTHOR' | 'ADMIN') {
  const account = await register(`${role} ${randomUUID().slice(0, 6)}`);
  await setRoleByEmail(inject('databaseUrls').users, account.email, role);
  return { ...account, accessToken: (await login(account.email)).accessToken };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), 'quizgraph-auth-e2e-'));
  stack = await start();
});

afterAll(async () => {
  await stack?.stop();
});

describe('a session through the router', () => {
  it('registers, logs in, refreshes and logs out', async () => {
    const account = await register();
    const session = await login(account.email);
    const me = await api('{ me { id email sessions { current } } }', { accessToken: session.accessToken });
    expect(me.data!.me).toMatchObject({ id: account.id, email: account.email });
    expect(me.data!.me.sessions).toHaveLength(2);

    const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`;
    const refreshed = await api(REFRESH, { variables: { t: session.refreshToken } });
    expect(refreshed.errors).toBeUndefined();
    expect((await api('{ me { id } }', { accessToken: refreshed.data!.refreshSession.accessToken })).data!.me.id).toBe(account.id);

    const reuse = await api(REFRESH, { variables: { t: session.refreshToken } });
    expect(reuse.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api(REFRESH, { variables: { t: refreshed.data!.refreshSession.refreshToken } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect((await api(`mutation ($t: String!) { logout(refreshToken: $t) }`, { variables: { t: account.refreshToken } })).data!.logout).toBe(true);
    expect((await api(REFRESH, { variables: { t: account.refreshToken } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the sign-in throttle through the router', () => {
  it('locks an account after 5 failures with RATE_LIMITED, and a client cannot pick its own address', async () => {
    const { email } = await register();
    const LOGIN = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
    for (let i = 0; i < 5; i++) {
      // A client claiming another address each time: the router overwrites it with the one it sees.
      const failed = await api(LOGIN, { variables: { e: email, p: 'wrong password' }, headers: { 'x-quizgraph-client-address': `10.0.0.${i}` } });
      expect(failed.status).toBe(200);
      expect(failed.errors?.[0]?.message).toBe('The email or the password is incorrect.');
      // Nothing about the subgraph behind the router reaches the client.
      expect(failed.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
    const locked = await api(LOGIN, { variables: { e: email, p: PASSWORD } });
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(locked.errors?.[0]?.message).toMatch(/Try again in \d+ seconds/);

    // The failures were counted against the address the router saw, never the ones the client claimed.
    const db = new pg.Client({ connectionString: inject('databaseUrls').users });
    await db.connect();
    const { rows } = await db.query(`SELECT key FROM "LoginThrottle" WHERE key LIKE 'address:%'`);
    await db.end();
    const addresses = rows.map((r: { key: string }) => r.key);
    expect(addresses.some((k) => k.startsWith('address:10.0.0.'))).toBe(false);
    expect(addresses.some((k) => /127\.0\.0\.1$/.test(k))).toBe(true);
  });
});

describe('forged and broken access tokens are refused at the router with 401 UNAUTHENTICATED', () => {
  let genuine: string;
  let kid: string;
  beforeAll(async () => {
    genuine = (await register()).accessToken;
    kid = jwt.decode(genuine, { complete: true })!.header.kid!;
  });

  const claims = (overrides: Record<string, unknown> = {}) => ({
    sub: randomUUID(),
    role: 'ADMIN',
    iss: 'quizgraph-users',
    aud: 'quizgraph-api',
    exp: Math.floor(Date.now() / 1000) + 600,
    ...overrides,
  });
  const signed = async (overrides: Record<string, unknown>) => {
    const ring = await loadOrCreateDevKeyRing(keysDir, 'access');
    const payload = Object.fromEntries(Object.entries(claims(overrides)).filter(([, value]) => value !== undefined));
    return jwt.sign(payload, ring.signing.privateKey, { algorithm: 'RS256', keyid: ring.signing.kid });
  };

  const attacks: Array<[string, () => Promise<string>]> = [
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(claims())}.`],
    [
      'HS256 signed with the public key',
      async () => {
        const jwks = await (await fetch(`${stack.services.users.origin}/.well-known/jwks.json`)).json();
        const pem = verificationKeysFromJwks(jwks).get(kid)!.export({ type: 'spki', format: 'pem' });
        const unsigned = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${b64(claims())}`;
        return `${unsigned}.${createHmac('sha256', pem).update(unsigned).digest('base64url')}`;
      },
    ],
    ['an expired token', () => signed({ exp: Math.floor(Date.now() / 1000) - 5 })],
    ['a wrong audience', () => signed({ aud: 'another-api' })],
    ['a wrong issuer', () => signed({ iss: 'someone-else' })],
    ['no exp', () => signed({ exp: undefined })],
    [
      'an unknown kid',
      async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return jwt.sign(claims(), privateKey, { algorithm: 'RS256', keyid: 'unknown-kid' });
      },
    ],
    [
      'a tampered payload',
      async () => {
        const [header, payload, signature] = genuine.split('.');
        const changed = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'ADMIN' };
        return `${header}.${b64(changed)}.${signature}`;
      },
    ],
  ];

  it.each(attacks)('%s', async (_name, forge) => {
    const response = await api('{ me { id role } }', { accessToken: await forge() });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data ?? null).toBeNull();
  });

  it('accepts the genuine token', async () => {
    expect((await api('{ me { id } }', { accessToken: genuine })).status).toBe(200);
  });
});

describe('subgraphs answer only the router', () => {
  it.each(['users', 'quizzes', 'results'] as const)('%s refuses a direct request with a forged identity header (401)', async (name) => {
    const service = stack.services[name];
    const response = await graphqlRequest(service.url, '{ _service { sdl } }', {
      headers: { 'x-user-id': randomUUID(), 'x-user-role': 'ADMIN', 'x-quizgraph-service-credential': 'forged' },
    });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
  });
});

describe('roles and private fields through the router', () => {
  it('lets authors and admins author, and only admins change roles', async () => {
    const player = await register();
    const CREATE = `mutation { createQuiz(input: { title: "Role test", questions: [{ prompt: "Q?", options: [{ label: "a", correct: true }, { label: "b" }] }] }) { id } }`;
    expect((await api(CREATE, { accessToken: player.accessToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const author = await withRole('AUTHOR');
    expect((await api(CREATE, { accessToken: author.accessToken })).errors).toBeUndefined();

    const SET = `mutation ($id: ID!) { setUserRole(userId: $id, role: AUTHOR) { role } }`;
    expect((await api(SET, { accessToken: player.accessToken, variables: { id: player.id } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await withRole('ADMIN');
    expect((await api(SET, { accessToken: admin.accessToken, variables: { id: player.id } })).data!.setUserRole.role).toBe('AUTHOR');
  });

  it('answers email and sessions of others with null and FORBIDDEN, to the owner and admins with the data', async () => {
    const owner = await register();
    const other = await register();
    const QUERY = `query ($id: ID!) { user(id: $id) { displayName email sessions { id } } }`;
    const seen = await api(QUERY, { accessToken: other.accessToken, variables: { id: owner.id } });
    expect(seen.data!.user).toEqual({ displayName: 'Auth Tester', email: null, sessions: null });
    expect(seen.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const anonymous = await api(QUERY, { variables: { id: owner.id } });
    expect(anonymous.data!.user.email).toBeNull();
    const own = await api(QUERY, { accessToken: owner.accessToken, variables: { id: owner.id } });
    expect(own.data!.user.email).toBe(owner.email);
    const admin = await withRole('ADMIN');
    expect((await api(QUERY, { accessToken: admin.accessToken, variables: { id: owner.id } })).data!.user.sessions).toHaveLength(1);
  });
});

describe('deleteAccount', () => {
  it('anonymises the results through the outbox: attempts still count, the player leaves the leaderboards', async () => {
    const author = await withRole('AUTHOR');
    const { data: created } = await api(
      `mutation { createQuiz(input: { title: "Deletion test", questions: [{ prompt: "Q?", options: [{ label: "right", correct: true }, { label: "wrong" }] }] }) { id } }`,
      { accessToken: author.accessToken },
    );
    const quizId = created!.createQuiz.id as string;
    await api(`mutation ($id: ID!) { publishQuiz(id: $id) { id } }`, { accessToken: author.accessToken, variables: { id: quizId } });
    const { data: quiz } = await api(`query ($id: ID!) { quiz(id: $id) { questions { id options { id label } } } }`, { variables: { id: quizId } });
    const question = quiz!.quiz.questions[0];
    const right = question.options.find((o: { label: string }) => o.label === 'right').id;

    const leaving = await register('Leaving Player');
    const staying = await register('Staying Player');
    const SUBMIT = `mutation ($q: ID!, $a: [AnswerInput!]!) { submitQuiz(quizId: $q, answers: $a) { id } }`;
    const answers = [{ questionId: question.id, optionIds: [right] }];
    const { data: submitted } = await api(SUBMIT, { accessToken: leaving.accessToken, variables: { q: quizId, a: answers } });
    await api(SUBMIT, { accessToken: staying.accessToken, variables: { q: quizId, a: answers } });

    const BOARD = `query ($id: ID!) { quiz(id: $id) { stats { attempts } leaderboard { totalCount edges { node { user { displayName } } } } } }`;
    expect((await api(BOARD, { variables: { id: quizId } })).data!.quiz.leaderboard.totalCount).toBe(2);

    const deleted = await api(`mutation { deleteAccount(password: "${PASSWORD}") }`, { accessToken: leaving.accessToken });
    expect(deleted.data!.deleteAccount).toBe(true);

    let board: AnyJson;
    const deadline = Date.now() + 15_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      board = (await api(BOARD, { variables: { id: quizId } })).data!.quiz;
    } while (board.leaderboard.totalCount !== 1 && Date.now() < deadline);
    expect(board.leaderboard.edges.map((e: { node: { user: { displayName: string } } }) => e.node.user.displayName)).toEqual(['Staying Player']);
    expect(board.stats.attempts).toBe(2);
    const globalBoard = await api(`{ leaderboard(first: 100) { edges { node { user { id } } } } }`);
    expect(globalBoard.data!.leaderboard.edges.some((e: { node: { user: { id: string } | null } }) => e.node.user?.id === leaving.id)).toBe(false);

    // Its access token is still within its 15 minutes, but it cannot bring the player back.
    const ghost = await api(SUBMIT, { accessToken: leaving.accessToken, variables: { q: quizId, a: answers } });
    expect(ghost.errors?.[0]).toMatchObject({ message: 'This account no longer exists.', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await api(BOARD, { variables: { id: quizId } })).data!.quiz.leaderboard.totalCount).toBe(1);

    const admin = await withRole('ADMIN');
    const attempt = await api(`query ($id: ID!) { attempt(id: $id) { score player { id } } }`, {
      accessToken: admin.accessToken,
      variables: { id: submitted!.submitQuiz.id },
    });
    expect(attempt.data!.attempt).toEqual({ score: 1, player: null });
  });
});

describe('key rotation', () => {
  it('keeps tokens signed with the old key valid after a new key takes over', async () => {
    const account = await register();
    const oldKid = jwt.decode(account.accessToken, { complete: true })!.header.kid;

    await stack.stop();
    const newKid = await rotateDevKey(keysDir, 'access');
    stack = await start();

    expect((await api('{ me { id } }', { accessToken: account.accessToken })).data!.me.id).toBe(account.id);
    const fresh = await login(account.email);
    expect(jwt.decode(fresh.accessToken, { complete: true })!.header.kid).toBe(newKid);
    const jwks = (await (await fetch(`${stack.services.users.origin}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([oldKid, newKid].sort());
  });
});
