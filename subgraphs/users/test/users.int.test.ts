import { graphqlRequest, SERVICE_CREDENTIAL_HEADER, verifyAccessToken, type RunningService } from '@quizgraph/service-kit';
import { createTestKeys, subgraphClient, type TestKeys } from '@quizgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUsersService } from '../src/server.js';
import { testUsersOptions } from './fixture.js';

let keys: TestKeys;
let users: RunningService;
let asRouter: ReturnType<typeof subgraphClient>;

const PASSWORD = 'correct horse battery';
const uniqueEmail = () => `player-${randomUUID()}@test.quizgraph.dev`;

const REGISTER = `mutation ($email: String!, $password: String!, $displayName: String!) {
  register(email: $email, password: $password, displayName: $displayName) { accessToken accessTokenExpiresAt user { id email displayName role } }
}`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id } } }`;

async function register(displayName = 'Test Player', email = uniqueEmail()) {
  const { data, errors } = await asRouter(REGISTER, { variables: { email, password: PASSWORD, displayName } });
  expect(errors).toBeUndefined();
  return { email, token: data!.register.accessToken as string, id: data!.register.user.id as string };
}

beforeAll(async () => {
  keys = await createTestKeys();
  users = await startUsersService(testUsersOptions(keys));
  asRouter = subgraphClient(users.url, 'users', keys.signer('router'));
});

afterAll(async () => {
  await users?.close();
});

describe('register and login', () => {
  it('registers with a normalised email and returns a verifiable RS256 access token', async () => {
    const email = `  Mixed.Case-${randomUUID()}@Test.Quizgraph.dev `;
    const { data, errors } = await asRouter(REGISTER, { variables: { email, password: PASSWORD, displayName: '  Ada   Lovelace ' } });
    expect(errors).toBeUndefined();
    expect(data!.register.user).toMatchObject({ email: email.trim().toLowerCase(), displayName: 'Ada Lovelace', role: 'PLAYER' });
    const viewer = await verifyAccessToken(data!.register.accessToken, keys.accessKeys);
    expect(viewer).toMatchObject({ userId: data!.register.user.id, role: 'PLAYER', sessionId: expect.any(String) });
    expect(new Date(data!.register.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses a second account for the same email in another case with CONFLICT', async () => {
    const { email } = await register();
    const { errors } = await asRouter(REGISTER, { variables: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Copy' } });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['a common password', { password: 'password123' }, 'password'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['an empty display name', { displayName: '   ' }, 'displayName'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_case, override, field) => {
    const variables = { email: uniqueEmail(), password: PASSWORD, displayName: 'Someone', ...override };
    const { errors } = await asRouter(REGISTER, { variables });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('logs in, and answers a wrong password and an unknown email with the same error', async () => {
    const { email, id } = await register();
    const ok = await asRouter(LOGIN, { variables: { email: email.toUpperCase(), password: PASSWORD } });
    expect(ok.data!.login.user.id).toBe(id);

    const wrongPassword = await asRouter(LOGIN, { variables: { email, password: 'wrong password!' } });
    const unknownEmail = await asRouter(LOGIN, { variables: { email: uniqueEmail(), password: PASSWORD } });
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknownEmail.errors?.[0]).toEqual(wrongPassword.errors?.[0]);
  });
});

describe('the User entity', () => {
  it('resolves a batch of references with one SQL statement', async () => {
    const players = await Promise.all(Array.from({ length: 6 }, (_, i) => register(`Batch ${i}`)));
    const before = users.sqlStatements();
    const { data, errors } = await asRouter(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id displayName } } }`,
      { variables: { representations: [...players.map((p) => ({ __typename: 'User', id: p.id })), { __typename: 'User', id: randomUUID() }] } },
    );
    expect(errors).toBeUndefined();
    expect(users.sqlStatements() - before).toBe(1);
    expect(data!._entities.map((u: { displayName: string } | null) => u?.displayName ?? null)).toEqual([...players.map((_, i) => `Batch ${i}`), null]);
  });

  it('shows an email only to its owner, through a query and through _entities alike', async () => {
    const owner = await register('Owner');
    const other = await register('Other');
    const mine = await asRouter(`query ($id: ID!) { user(id: $id) { email } }`, { variables: { id: owner.id }, accessToken: owner.token });
    expect(mine.data!.user.email).toBe(owner.email);

    const theirs = await asRouter(`query ($id: ID!) { user(id: $id) { displayName email } }`, {
      variables: { id: owner.id },
      accessToken: other.token,
    });
    expect(theirs.data!.user).toEqual({ displayName: 'Owner', email: null });
    expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const viaEntities = await asRouter(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }`, {
      variables: { r: [{ __typename: 'User', id: owner.id }] },
    });
    expect(viaEntities.data!._entities).toEqual([{ email: null }]);
    expect(viaEntities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers me with the signed-in user and null when anonymous', async () => {
    const player = await register('Me Myself');
    expect((await asRouter('{ me { id displayName } }', { accessToken: player.token })).data!.me).toEqual({ id: player.id, displayName: 'Me Myself' });
    expect((await asRouter('{ me { id } }')).data!.me).toBeNull();
  });
});

describe('who may call the subgraph', () => {
  const query = '{ _service { sdl } }';

  it('answers 401 without a service credential, _service and _entities included', async () => {
    const plain = await graphqlRequest(users.url, query);
    expect(plain.status).toBe(401);
    expect(plain.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const entities = await graphqlRequest(users.url, `{ _entities(representations: [{ __typename: "User", id: "${randomUUID()}" }]) { __typename } }`);
    expect(entities.status).toBe(401);
  });

  it('answers 401 to a credential signed by a key it does not trust, or addressed to another service', async () => {
    const strangers = await createTestKeys();
    const forged = await graphqlRequest(users.url, query, {
      headers: { [SERVICE_CREDENTIAL_HEADER]: strangers.signer('router').credentialFor('users') },
    });
    expect(forged.status).toBe(401);
    const misaddressed = await graphqlRequest(users.url, query, {
      headers: { [SERVICE_CREDENTIAL_HEADER]: keys.signer('router').credentialFor('quizzes') },
    });
    expect(misaddressed.status).toBe(401);
  });

  it('answers 401 on /graphql to a sibling service’s valid credential: only the router queries a subgraph', async () => {
    for (const sibling of ['quizzes', 'results'] as const) {
      const response = await graphqlRequest(users.url, query, { headers: { [SERVICE_CREDENTIAL_HEADER]: keys.signer(sibling).credentialFor('users') } });
      expect(response.status, sibling).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('rejects an access token it cannot verify even from a trusted caller', async () => {
    const strangers = await createTestKeys();
    const { issueAccessToken } = await import('@quizgraph/service-kit');
    const forged = issueAccessToken(strangers.accessTokenKeys.signing, { userId: randomUUID(), role: 'ADMIN' }, 60);
    const { errors } = await asRouter('{ me { id } }', { accessToken: forged.token });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('publishes the access-token public keys as JWKS, without private parts', async () => {
    const response = await fetch(`${users.origin}/.well-known/jwks.json`);
    const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kid: keys.accessTokenKeys.signing.kid, kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});
