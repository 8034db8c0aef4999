import { CLIENT_ADDRESS_HEADER, graphqlRequest, type RunningService } from '@quizgraph/service-kit';
import { createTestKeys, subgraphClient, type TestKeys } from '@quizgraph/service-kit/testing';
import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setRoleByEmail } from '../src/admin.js';
import { startUsersService, type UsersServiceOptions } from '../src/server.js';
import { testUsersOptions } from './fixture.js';

const PASSWORD = 'correct horse battery';
let keys: TestKeys;
let users: RunningService;
let call: ReturnType<typeof subgraphClient>;

/** A fake consumer (results and quizzes) that records the events the outbox delivers; it fails the first delivery on purpose. */
const delivered: Array<{ body: { id: string; type: string; payload: { userId: string } }; credential: boolean }> = [];
let failNext = true;
let subscriber: Server;

function options(): UsersServiceOptions {
  const { port } = subscriber.address() as AddressInfo;
  return testUsersOptions(keys, {
    // Both consumers of UserDeleted, played by one fake.
    eventSubscribers: () => ['results', 'quizzes'].map((name) => ({ name, url: `http://127.0.0.1:${port}/internal/events` })),
    throttle: {
      account: { maxFailures: 5, windowSeconds: 900, lockSeconds: 900 },
      address: { maxFailures: 8, windowSeconds: 900, lockSeconds: 900 },
      signUpAddress: { maxFailures: 5, windowSeconds: 600, lockSeconds: 600 },
    },
  });
}

/** Each test signs in from its own address, so the per-address throttle of one never touches another. */
const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const from = (address: string) => ({ [CLIENT_ADDRESS_HEADER]: address });

const AUTH = 'accessToken refreshToken refreshTokenExpiresAt user { id role }';

async function register(address = newAddress()) {
  const email = `session-${randomUUID()}@test.quizgraph.dev`;
  const { data, errors } = await call(`mutation ($e: String!, $p: String!) { register(email: $e, password: $p, displayName: "Session Tester") { ${AUTH} } }`, {
    variables: { e: email, p: PASSWORD },
    headers: from(address),
  });
  expect(errors).toBeUndefined();
  return {
    email,
    id: data!.register.user.id as string,
    accessToken: data!.register.accessToken as string,
    refreshToken: data!.register.refreshToken as string,
  };
}

function login(email: string, password = PASSWORD, address = newAddress()) {
  return call(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ${AUTH} } }`, {
    variables: { e: email, p: password },
    headers: { ...from(address), 'x-quizgraph-client-user-agent': 'TestBrowser/1.0' },
  });
}

function refresh(refreshToken: string) {
  return call(`mutation ($t: String!) { refreshSession(refreshToken: $t) { ${AUTH} } }`, { variables: { t: refreshToken } });
}

beforeAll(async () => {
  keys = await createTestKeys();
  subscriber = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (failNext) {
        failNext = false;
        res.writeHead(503).end();
        return;
      }
      delivered.push({ body: JSON.parse(raw), credential: typeof req.headers['x-quizgraph-service-credential'] === 'string' });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => subscriber.listen(0, '127.0.0.1', resolve));
  users = await startUsersService(options());
  call = subgraphClient(users.url, 'users', keys.signer('router'));
});

afterAll(async () => {
  await users?.close();
  subscriber?.close();
});

describe('sessions', () => {
  it('rotates the refresh token on every use, and ends the whole session when a used one comes back', async () => {
    const { refreshToken: first } = await register();
    const second = await refresh(first);
    expect(second.errors).toBeUndefined();
    const third = await refresh(second.data!.refreshSession.refreshToken);
    expect(third.errors).toBeUndefined();
    expect(third.data!.refreshSession.refreshToken).not.toBe(second.data!.refreshSession.refreshToken);

    const replayed = await refresh(first); // a stolen copy of an old token
    expect(replayed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(replayed.errors?.[0]?.message).toMatch(/already used/);
    // The thief's use ended the family: even the newest token is dead now.
    expect((await refresh(third.data!.refreshSession.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets exactly one of two concurrent refreshes with the same token through', async () => {
    const { refreshToken } = await register();
    const outcomes = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    expect(outcomes.filter((o) => !o.errors).length).toBe(1);
    const winner = outcomes.find((o) => !o.errors)!;
    expect((await refresh(winner.data!.refreshSession.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown refresh token', async () => {
    expect((await refresh(`qgr_${randomUUID()}`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('logs out one session, idempotently', async () => {
    const { email, refreshToken } = await register();
    const other = await login(email);
    const LOGOUT = `mutation ($t: String!) { logout(refreshToken: $t) }`;
    expect((await call(LOGOUT, { variables: { t: refreshToken } })).data!.logout).toBe(true);
    expect((await call(LOGOUT, { variables: { t: refreshToken } })).data!.logout).toBe(true);
    expect((await refresh(refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await refresh(other.data!.login.refreshToken)).errors).toBeUndefined();
  });

  it('logs out everywhere', async () => {
    const account = await register();
    const a = await login(account.email);
    const b = await login(account.email);
    const { data } = await call('mutation { logoutEverywhere }', { accessToken: b.data!.login.accessToken });
    expect(data!.logoutEverywhere).toBe(3);
    for (const token of [account.refreshToken, a.data!.login.refreshToken, b.data!.login.refreshToken]) {
      expect((await refresh(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await call('mutation { logoutEverywhere }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists open sessions to their owner and admins only, marking the current one', async () => {
    const account = await register();
    const phone = await login(account.email);
    const QUERY = `query ($id: ID!) { user(id: $id) { sessions { id userAgent current } } }`;
    const own = await call(QUERY, { accessToken: phone.data!.login.accessToken, variables: { id: account.id } });
    expect(own.data!.user.sessions).toHaveLength(2);
    expect(own.data!.user.sessions.filter((s: { current: boolean }) => s.current)).toEqual([
      expect.objectContaining({ userAgent: 'TestBrowser/1.0', current: true }),
    ]);

    const stranger = await register();
    const seen = await call(QUERY, { accessToken: stranger.accessToken, variables: { id: account.id } });
    expect(seen.data!.user.sessions).toBeNull();
    expect(seen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const viaEntities = await call(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { sessions { id } } } }`, {
      accessToken: stranger.accessToken,
      variables: { r: [{ __typename: 'User', id: account.id }] },
    });
    expect(viaEntities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('changePassword', () => {
  it('needs the current password, then ends every other session', async () => {
    const account = await register();
    const here = await login(account.email);
    const CHANGE = `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
    const hereToken = here.data!.login.accessToken;

    const wrong = await call(CHANGE, { accessToken: hereToken, variables: { c: 'not my password', n: 'a brand new passphrase' } });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const weak = await call(CHANGE, { accessToken: hereToken, variables: { c: PASSWORD, n: 'password123' } });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });

    expect((await call(CHANGE, { accessToken: hereToken, variables: { c: PASSWORD, n: 'a brand new passphrase' } })).data!.changePassword).toBe(true);
    expect((await refresh(account.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await refresh(here.data!.login.refreshToken)).errors).toBeUndefined();
    expect((await login(account.email, PASSWORD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(account.email, 'a brand new passphrase')).errors).toBeUndefined();
  });
});

describe('the sign-in throttle', () => {
  it('locks an account after 5 failures, whether the email exists or not, and says when to retry', async () => {
    const { email } = await register();
    const unknown = `nobody-${randomUUID()}@test.quizgraph.dev`;
    for (let i = 0; i < 5; i++) {
      expect((await login(email, 'wrong password!')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await login(unknown, 'wrong password!')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await login(email, PASSWORD); // even the right password waits
    const lockedUnknown = await login(unknown, PASSWORD);
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(850);
    expect(locked.errors?.[0]?.message).toMatch(/Try again in \d+ seconds/);
    expect(lockedUnknown.errors?.[0]?.message).toBe(
      locked.errors?.[0]?.message.replace(/\d+/, String(lockedUnknown.errors?.[0]?.extensions?.retryAfterSeconds)),
    );

    // The lock lives in the database: a restarted service still refuses.
    await users.close();
    users = await startUsersService(options());
    call = subgraphClient(users.url, 'users', keys.signer('router'));
    expect((await login(email, PASSWORD)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('checks at most 5 passwords of a burst of parallel guesses at one account', async () => {
    const { email } = await register();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => login(email, 'parallel guess')));
    const codes = outcomes.map((o) => o.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(15);
  });

  it('lets one address sign up 5 times, then says when to retry, while other addresses and sign-ins go on', async () => {
    const address = newAddress();
    const signUp = () =>
      call(`mutation ($e: String!, $p: String!) { register(email: $e, password: $p, displayName: "Bulk") { user { id } } }`, {
        variables: { e: `bulk-${randomUUID()}@test.quizgraph.dev`, p: PASSWORD },
        headers: from(address),
      });
    for (let i = 0; i < 5; i++) expect((await signUp()).errors).toBeUndefined();
    const refused = await signUp();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(refused.errors?.[0]?.message).toMatch(/^Too many sign-ups right now\. Try again in \d+ seconds\.$/);
    // Refused before any account was made.
    expect(refused.data).toBeNull();
    const { email } = await register();
    expect((await login(email, PASSWORD, address)).errors).toBeUndefined();
  });

  it('refuses an over-long email or password at sign-in as bad input, before any work', async () => {
    const long = await login(`${'a'.repeat(300)}@test.quizgraph.dev`, PASSWORD);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const huge = await login(`someone-${randomUUID()}@test.quizgraph.dev`, 'x'.repeat(10_000));
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('locks a client address that fails across many accounts', async () => {
    const address = newAddress();
    for (let i = 0; i < 8; i++) {
      const attempt = await login(`spray-${randomUUID()}@test.quizgraph.dev`, 'password spraying', address);
      expect(attempt.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const { email } = await register();
    expect((await login(email, PASSWORD, address)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await login(email, PASSWORD, newAddress())).errors).toBeUndefined();
  });

  it('takes as long for an unknown email as for a wrong password (Mann-Whitney U, p > 0.001)', async () => {
    const accounts = await Promise.all(Array.from({ length: 6 }, () => register()));
    const known: number[] = [];
    const unknown: number[] = [];
    const timed = async (email: string) => {
      const start = performance.now();
      const { errors } = await login(email, 'not the password');
      expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      return performance.now() - start;
    };
    for (let round = 0; round < 4; round++) {
      for (const account of accounts) {
        known.push(await timed(account.email));
        unknown.push(await timed(`ghost-${randomUUID()}@test.quizgraph.dev`));
      }
    }
    // U statistic with its normal approximation: |z| > 3.29 would mean the timings differ (p < 0.001).
    const all = [...known.map((t) => ({ t, known: true })), ...unknown.map((t) => ({ t, known: false }))].sort((a, b) => a.t - b.t);
    const rankSum = all.reduce((sum, x, i) => (x.known ? sum + i + 1 : sum), 0);
    const n1 = known.length;
    const n2 = unknown.length;
    const u = rankSum - (n1 * (n1 + 1)) / 2;
    const z = (u - (n1 * n2) / 2) / Math.sqrt((n1 * n2 * (n1 + n2 + 1)) / 12);
    expect(Math.abs(z)).toBeLessThan(3.29);
  });
});

describe('profile and roles', () => {
  const UPDATE = `mutation ($n: String, $b: String, $a: String) { updateProfile(displayName: $n, bio: $b, avatarUrl: $a) { displayName bio avatarUrl } }`;

  it('updates the given fields, clears with null, and validates', async () => {
    const { accessToken } = await register();
    const set = await call(UPDATE, { accessToken, variables: { n: ' New  Name ', b: 'I like quizzes.', a: 'https://example.com/me.png' } });
    expect(set.data!.updateProfile).toEqual({ displayName: 'New Name', bio: 'I like quizzes.', avatarUrl: 'https://example.com/me.png' });
    const partial = await call(`mutation { updateProfile(bio: null) { displayName bio avatarUrl } }`, { accessToken });
    expect(partial.data!.updateProfile).toEqual({ displayName: 'New Name', bio: null, avatarUrl: 'https://example.com/me.png' });

    for (const [variables, field] of [
      [{ a: 'http://example.com/me.png' }, 'avatarUrl'],
      [{ a: 'javascript:alert(1)' }, 'avatarUrl'],
      [{ b: 'x'.repeat(281) }, 'bio'],
      [{ n: '   ' }, 'displayName'],
    ] as const) {
      const { errors } = await call(UPDATE, { accessToken, variables });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await call(UPDATE, { variables: { n: 'Anonymous' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only an admin change roles, never their own', async () => {
    const admin = await register();
    await setRoleByEmail(inject('databaseUrls').users, admin.email, 'ADMIN');
    const adminToken = (await login(admin.email)).data!.login.accessToken;
    const player = await register();
    const SET = `mutation ($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { id role } }`;

    const denied = await call(SET, { accessToken: player.accessToken, variables: { id: player.id, role: 'ADMIN' } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const granted = await call(SET, { accessToken: adminToken, variables: { id: player.id, role: 'AUTHOR' } });
    expect(granted.data!.setUserRole).toEqual({ id: player.id, role: 'AUTHOR' });
    expect((await login(player.email)).data!.login.user.role).toBe('AUTHOR');
    expect((await call(SET, { accessToken: adminToken, variables: { id: admin.id, role: 'PLAYER' } })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await call(SET, { accessToken: adminToken, variables: { id: randomUUID(), role: 'AUTHOR' } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // An admin reads private fields of anyone.
    const { data } = await call(`query ($id: ID!) { user(id: $id) { email sessions { id } } }`, { accessToken: adminToken, variables: { id: player.id } });
    expect(data!.user.email).toBe(player.email);
  });
});

describe('deleteAccount', () => {
  it('checks the password, deletes the account and its sessions, and publishes UserDeleted until delivered', async () => {
    const account = await register();
    const DELETE = `mutation ($p: String!) { deleteAccount(password: $p) }`;
    const wrong = await call(DELETE, { accessToken: account.accessToken, variables: { p: 'not my password' } });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });

    expect((await call(DELETE, { accessToken: account.accessToken, variables: { p: PASSWORD } })).data!.deleteAccount).toBe(true);
    expect((await call(`query ($id: ID!) { user(id: $id) { id } }`, { variables: { id: account.id } })).data!.user).toBeNull();
    expect((await refresh(account.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(account.email)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The subscriber refused the first delivery; the relay retries until it is accepted.
    const deadline = Date.now() + 15_000;
    while (!delivered.some((d) => d.body.payload.userId === account.id) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const event = delivered.find((d) => d.body.payload.userId === account.id);
    expect(event).toMatchObject({ credential: true, body: { type: 'UserDeleted', id: expect.any(String) } });
  });
});

describe('without the router', () => {
  it('refuses a forged identity header sent straight to the subgraph', async () => {
    const forged = await graphqlRequest(users.url, '{ me { id email } }', {
      headers: { 'x-user-id': randomUUID(), 'x-user-role': 'ADMIN', [CLIENT_ADDRESS_HEADER]: '127.0.0.1' },
    });
    expect(forged.status).toBe(401);
    expect(forged.data).toBeUndefined();
  });
});
