import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySettingsFromEnv, loadServiceCredentials } from '../src/keyConfig.js';
import { parseRouterTokenDigests, ROUTER_TOKEN_HEADER, routerTokenDigest, routerTokenVerifierFromEnv, RouterTokenVerifier } from '../src/routerToken.js';
import { SERVICE_CREDENTIAL_HEADER } from '../src/tokens.js';
import { startSubgraphServer, type RunningSubgraph } from '../src/subgraphServer.js';
import { createTestKeys, silentLogger, type TestKeys } from '../src/testing.js';

// The graphql instance Apollo Server itself loads (Node's CommonJS build; Vite would give this file the ESM one).
const { buildSchema } = createRequire(import.meta.resolve('@apollo/server'))('graphql') as typeof import('graphql');

const token = randomBytes(32).toString('hex');
const other = randomBytes(32).toString('hex');

describe('RouterTokenVerifier', () => {
  it('accepts exactly the tokens whose SHA-256 digests it holds', () => {
    const verifier = new RouterTokenVerifier([routerTokenDigest(other), routerTokenDigest(token)]);
    expect(verifier.accepts(token)).toBe(true);
    expect(verifier.accepts(other)).toBe(true);
    expect(verifier.accepts(`${token}x`)).toBe(false);
    expect(verifier.accepts(token.toUpperCase())).toBe(false);
    expect(verifier.accepts(randomBytes(32).toString('hex'))).toBe(false);
    expect(verifier.accepts('')).toBe(false);
    expect(verifier.accepts(undefined)).toBe(false);
  });

  it('never accepts a short token, even one whose digest it holds', () => {
    expect(new RouterTokenVerifier([routerTokenDigest('short')]).accepts('short')).toBe(false);
  });

  it('digests as sha256sum does (the README’s way of making a digest)', () => {
    expect(routerTokenDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('ROUTER_TOKEN_SHA256: off unless set, digests only', () => {
  it('is off when unset or blank', () => {
    expect(parseRouterTokenDigests(undefined)).toBeUndefined();
    expect(parseRouterTokenDigests('  ')).toBeUndefined();
    expect(routerTokenVerifierFromEnv({})).toBeUndefined();
  });

  it('takes several digests (rotation), comma- or space-separated, any case', () => {
    const verifier = parseRouterTokenDigests(`${routerTokenDigest(token).toUpperCase()}, ${routerTokenDigest(other)}\n`)!;
    expect(verifier.accepts(token)).toBe(true);
    expect(verifier.accepts(other)).toBe(true);
  });

  it('refuses anything but a hex SHA-256 digest, and does not echo a token given by mistake', () => {
    const base64Token = randomBytes(32).toString('base64url');
    expect(() => parseRouterTokenDigests(base64Token)).toThrow(/ROUTER_TOKEN_SHA256 must list hex SHA-256 digests/);
    expect(() => parseRouterTokenDigests(base64Token)).not.toThrow(base64Token);
    // A hex token given in place of its digest is taken as a digest that matches nothing: it fails closed.
    expect(parseRouterTokenDigests(token)!.accepts(token)).toBe(false);
    expect(() => parseRouterTokenDigests(`${routerTokenDigest(token)},zz`)).toThrow(/"zz…" is not one/);
  });

  it('reads ROUTER_TOKEN_SHA256_FILE, and reaches the subgraphs through their key settings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quizgraph-router-token-'));
    const path = join(dir, 'router-token.sha256');
    await writeFile(path, `${routerTokenDigest(token)}\n`);
    expect(routerTokenVerifierFromEnv({ ROUTER_TOKEN_SHA256_FILE: path })!.accepts(token)).toBe(true);
    const settings = keySettingsFromEnv({ ROUTER_TOKEN_SHA256_FILE: path, QUIZGRAPH_KEYS_DIR: dir }, false, dir);
    expect((await loadServiceCredentials(settings, 'quizzes')).routerTokens!.accepts(token)).toBe(true);
    expect((await loadServiceCredentials(keySettingsFromEnv({ QUIZGRAPH_KEYS_DIR: dir }, false, dir), 'quizzes')).routerTokens).toBeUndefined();
  });
});

describe('a subgraph with a router token configured', () => {
  let keys: TestKeys;
  let withToken: RunningSubgraph;
  let withoutToken: RunningSubgraph;

  const start = (routerTokens: RouterTokenVerifier | undefined) =>
    startSubgraphServer({
      name: 'quizzes',
      schema: buildSchema('type Query { hello: String }'),
      logger: silentLogger,
      accessKeys: keys.accessKeys,
      serviceKeys: keys.serviceKeys,
      routerTokens,
      buildContext: (base) => base,
      checkReady: async () => undefined,
      routes: (app, requireCaller) => app.get('/internal/probe', requireCaller(['router', 'results']), (_req, res) => res.json({ ok: true })),
      port: 0,
      host: '127.0.0.1',
    });

  beforeAll(async () => {
    keys = await createTestKeys();
    withToken = await start(new RouterTokenVerifier([routerTokenDigest(token)]));
    withoutToken = await start(undefined);
  });
  afterAll(async () => {
    await withToken?.close();
    await withoutToken?.close();
  });

  const post = (url: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) });

  it('answers /graphql to the token, as to a signed credential', async () => {
    const response = await post(withToken.url, { [ROUTER_TOKEN_HEADER]: token });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await post(withToken.url, { [SERVICE_CREDENTIAL_HEADER]: keys.signer('router').credentialFor('quizzes') })).status).toBe(200);
  });

  it('still refuses a request with neither proof, or with a wrong token, with 401 UNAUTHENTICATED', async () => {
    const attempts: Array<Record<string, string>> = [{}, { [ROUTER_TOKEN_HEADER]: other }, { [ROUTER_TOKEN_HEADER]: '' }];
    for (const headers of attempts) {
      const response = await post(withToken.url, headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('does not fall back to the token when a credential is presented and fails', async () => {
    const response = await post(withToken.url, { [SERVICE_CREDENTIAL_HEADER]: 'not-a-credential', [ROUTER_TOKEN_HEADER]: token });
    expect(response.status).toBe(401);
  });

  it('keeps the internal channels signed-credential-only', async () => {
    const url = withToken.url.replace('/graphql', '/internal/probe');
    expect((await fetch(url, { headers: { [ROUTER_TOKEN_HEADER]: token } })).status).toBe(401);
    expect((await fetch(url, { headers: { [SERVICE_CREDENTIAL_HEADER]: keys.signer('router').credentialFor('quizzes') } })).status).toBe(200);
  });

  it('refuses the token when none is configured (off by default)', async () => {
    expect((await post(withoutToken.url, { [ROUTER_TOKEN_HEADER]: token })).status).toBe(401);
  });
});
