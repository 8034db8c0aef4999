import { createHmac, createPublicKey, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnauthenticatedError } from '../src/errors.js';
import { keyRingFromPems, publicJwks, verificationKeysFromJwks, type KeyRing } from '../src/keys.js';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  bearerToken,
  issueAccessToken,
  serviceCredentialVerificationKeys,
  ServiceCredentialSigner,
  staticKeySource,
  verifyAccessToken,
  verifyServiceCredential,
} from '../src/tokens.js';

function newPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

const pemA = newPem();
const pemB = newPem();
const ring: KeyRing = keyRingFromPems([{ kid: 'kid-a', pem: pemA }]);
const keys = staticKeySource(ring.verification);
const viewer = { userId: 'user-1', role: 'PLAYER' as const };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function validClaims(overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return { role: 'PLAYER', sub: 'user-1', iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, iat: now, exp: now + 600, ...overrides };
}

/** Signs an arbitrary payload with ring A's private key, under `kid`. */
function signRaw(payload: Record<string, unknown>, kid = 'kid-a'): string {
  return jwt.sign(payload, ring.signing.privateKey, { algorithm: 'RS256', keyid: kid });
}

async function expectUnauthenticated(promise: Promise<unknown>, message?: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthenticatedError);
  expect(error).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  if (message) expect((error as Error).message).toMatch(message);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('access tokens', () => {
  it('round-trips a viewer', async () => {
    const { token } = issueAccessToken(ring.signing, { userId: 'user-42', role: 'AUTHOR' }, 900);
    await expect(verifyAccessToken(token, keys)).resolves.toEqual({ userId: 'user-42', role: 'AUTHOR' });
  });

  it('issues RS256 tokens with kid, iss, aud, sub and exp = now + ttl', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const { token, expiresAt } = issueAccessToken(ring.signing, { userId: 'user-1', role: 'ADMIN' }, 900);
    expect(expiresAt.toISOString()).toBe('2030-01-01T00:15:00.000Z');
    const decoded = jwt.decode(token, { complete: true });
    expect(decoded?.header).toMatchObject({ alg: 'RS256', kid: 'kid-a' });
    expect(decoded?.payload).toMatchObject({
      role: 'ADMIN',
      sub: 'user-1',
      iss: 'quizgraph-users',
      aud: 'quizgraph-api',
      iat: Date.UTC(2030, 0, 1) / 1000,
      exp: Date.UTC(2030, 0, 1) / 1000 + 900,
    });
  });

  it('accepts every role', async () => {
    for (const role of ['PLAYER', 'AUTHOR', 'ADMIN'] as const) {
      const { token } = issueAccessToken(ring.signing, { userId: 'u', role }, 60);
      await expect(verifyAccessToken(token, keys)).resolves.toEqual({ userId: 'u', role });
    }
  });

  it('rejects an unsigned `alg: none` token', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT', kid: 'kid-a' })}.${b64(validClaims({ role: 'ADMIN' }))}.`;
    await expectUnauthenticated(verifyAccessToken(token, keys), /algorithm/);
  });

  it('rejects an HS256 token whose secret is the public key PEM', async () => {
    const publicPem = createPublicKey(pemA).export({ type: 'spki', format: 'pem' }) as string;
    const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'kid-a' })}.${b64(validClaims({ role: 'ADMIN' }))}`;
    const signature = createHmac('sha256', publicPem).update(signingInput).digest('base64url');
    await expectUnauthenticated(verifyAccessToken(`${signingInput}.${signature}`, keys), /algorithm/);
  });

  it('rejects an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = signRaw(validClaims({ iat: now - 120, exp: now - 60 }));
    await expectUnauthenticated(verifyAccessToken(token, keys), /expired/);
  });

  it('rejects a token issued with a negative lifetime', async () => {
    const { token } = issueAccessToken(ring.signing, viewer, -10);
    await expectUnauthenticated(verifyAccessToken(token, keys), /expired/);
  });

  it('rejects a token for another audience', async () => {
    await expectUnauthenticated(verifyAccessToken(signRaw(validClaims({ aud: 'someone-else' })), keys), /invalid/);
  });

  it('rejects a token from another issuer', async () => {
    await expectUnauthenticated(verifyAccessToken(signRaw(validClaims({ iss: 'evil' })), keys), /invalid/);
  });

  it('rejects a token signed by a key with an unknown kid', async () => {
    const other = keyRingFromPems([{ kid: 'kid-unknown', pem: pemB }]);
    const { token } = issueAccessToken(other.signing, viewer, 60);
    await expectUnauthenticated(verifyAccessToken(token, keys), /unknown key/);
  });

  it('rejects a token without a kid', async () => {
    const token = jwt.sign(validClaims(), ring.signing.privateKey, { algorithm: 'RS256' });
    await expectUnauthenticated(verifyAccessToken(token, keys), /unknown key/);
  });

  it('rejects a token signed by another key under a known kid', async () => {
    const other = keyRingFromPems([{ kid: 'kid-a', pem: pemB }]);
    const { token } = issueAccessToken(other.signing, viewer, 60);
    await expectUnauthenticated(verifyAccessToken(token, keys), /invalid/);
  });

  it('rejects a tampered payload that keeps the original signature', async () => {
    const { token } = issueAccessToken(ring.signing, viewer, 60);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims.role).toBe('PLAYER');
    const forged = `${header}.${b64({ ...claims, role: 'ADMIN' })}.${signature}`;
    await expectUnauthenticated(verifyAccessToken(forged, keys), /invalid/);
  });

  it('rejects a token without `sub`', async () => {
    const { sub: _sub, ...claims } = validClaims();
    await expectUnauthenticated(verifyAccessToken(signRaw(claims), keys), /required claim/);
  });

  it('rejects a token without `exp`', async () => {
    const { exp: _exp, ...claims } = validClaims();
    await expectUnauthenticated(verifyAccessToken(signRaw(claims), keys), /required claim/);
  });

  it('rejects a role outside PLAYER/AUTHOR/ADMIN, or no role', async () => {
    await expectUnauthenticated(verifyAccessToken(signRaw(validClaims({ role: 'SUPERUSER' })), keys), /required claim/);
    await expectUnauthenticated(verifyAccessToken(signRaw(validClaims({ role: 'admin' })), keys), /required claim/);
    const { role: _role, ...claims } = validClaims();
    await expectUnauthenticated(verifyAccessToken(signRaw(claims), keys), /required claim/);
  });

  it('rejects garbage', async () => {
    await expectUnauthenticated(verifyAccessToken('not-a-token', keys), /malformed/);
    await expectUnauthenticated(verifyAccessToken('', keys), /malformed/);
  });

  it('rejects a service credential presented as an access token', async () => {
    // Even were the key trusted for access tokens, the issuer differs.
    const credential = new ServiceCredentialSigner('router', ring.signing).credentialFor(ACCESS_TOKEN_AUDIENCE);
    const both = staticKeySource(new Map([...ring.verification, ['router.kid-a', ring.verification.get('kid-a')!]]));
    await expectUnauthenticated(verifyAccessToken(credential, both), /invalid/);
  });
});

describe('service credentials', () => {
  // The router holds ring A, results holds ring B: each key verifies its holder's credentials only.
  const ringB: KeyRing = keyRingFromPems([{ kid: 'kid-b', pem: pemB }]);
  const serviceKeys = staticKeySource(serviceCredentialVerificationKeys({ router: ring.verification, results: ringB.verification }));
  const routerSigner = () => new ServiceCredentialSigner('router', ring.signing);

  /** A credential with any claims, signed by ring A (the router's key) under `kid`. */
  const credentialWith = (claims: Record<string, unknown>, kid = 'router.kid-a') => {
    const now = Math.floor(Date.now() / 1000);
    return signRaw({ iss: 'quizgraph-service', aud: 'quizzes', sub: 'router', iat: now, exp: now + 60, ...claims }, kid);
  };

  it('accepts a credential addressed to this service and names the caller', async () => {
    await expect(verifyServiceCredential(routerSigner().credentialFor('quizzes'), serviceKeys, 'quizzes')).resolves.toEqual({ name: 'router' });
    const results = new ServiceCredentialSigner('results', ringB.signing);
    await expect(verifyServiceCredential(results.credentialFor('quizzes'), serviceKeys, 'quizzes')).resolves.toEqual({ name: 'results' });
  });

  it('rejects a credential addressed to another service', async () => {
    const signer = new ServiceCredentialSigner('results', ringB.signing);
    await expectUnauthenticated(verifyServiceCredential(signer.credentialFor('users'), serviceKeys, 'quizzes'), /invalid/);
  });

  it('refuses a service that claims to be another: its key speaks for itself only', async () => {
    // The router's own key, claiming to be results.
    await expectUnauthenticated(verifyServiceCredential(credentialWith({ sub: 'results' }), serviceKeys, 'quizzes'), /another service/);
    // The router's key under the kid of results' key: the signature does not match that key.
    await expectUnauthenticated(verifyServiceCredential(credentialWith({ sub: 'results' }, 'results.kid-b'), serviceKeys, 'quizzes'), /invalid/);
    // A signer that names itself results while holding the router's key.
    const impostor = new ServiceCredentialSigner('results', ring.signing).credentialFor('quizzes');
    await expectUnauthenticated(verifyServiceCredential(impostor, serviceKeys, 'quizzes'), /unknown key/);
    // A kid that names no holder.
    await expectUnauthenticated(verifyServiceCredential(credentialWith({}, 'kid-a'), staticKeySource(ring.verification), 'quizzes'), /another service/);
  });

  it('refuses a credential that states too long a lifetime, lacks iat, or is issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectUnauthenticated(verifyServiceCredential(credentialWith({ exp: now + 365 * 86_400 }), serviceKeys, 'quizzes'), /too long a lifetime/);
    const noIat = jwt.sign({ iss: 'quizgraph-service', aud: 'quizzes', sub: 'router', exp: now + 60 }, ring.signing.privateKey, {
      algorithm: 'RS256',
      keyid: 'router.kid-a',
      noTimestamp: true,
    });
    await expectUnauthenticated(verifyServiceCredential(noIat, serviceKeys, 'quizzes'), /required claim/);
    await expectUnauthenticated(verifyServiceCredential(credentialWith({ iat: now + 3_600, exp: now + 3_660 }), serviceKeys, 'quizzes'), /future/);
    // At the limit, it passes.
    await expect(verifyServiceCredential(credentialWith({ exp: now + 300 }), serviceKeys, 'quizzes')).resolves.toEqual({ name: 'router' });
    expect(() => new ServiceCredentialSigner('router', ring.signing, 3_600)).toThrow(/at most 300 s/);
  });

  it('rejects an access token presented as a service credential', async () => {
    const { token } = issueAccessToken(ring.signing, viewer, 60);
    const both = staticKeySource(new Map([...ring.verification, ...serviceCredentialVerificationKeys({ router: ring.verification })]));
    await expectUnauthenticated(verifyServiceCredential(token, both, ACCESS_TOKEN_AUDIENCE), /invalid/);
  });

  it('rejects an expired credential', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const credential = new ServiceCredentialSigner('router', ring.signing, 60).credentialFor('quizzes');
    vi.setSystemTime(new Date('2030-01-01T00:01:01Z'));
    await expectUnauthenticated(verifyServiceCredential(credential, serviceKeys, 'quizzes'), /expired/);
  });

  it('reuses a credential for two thirds of its life, then mints a new one', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const signer = new ServiceCredentialSigner('router', ring.signing, 60);
    const first = signer.credentialFor('quizzes');

    // 30 s later a fresh token would carry another `iat`: getting the same string proves the cache.
    vi.setSystemTime(new Date('2030-01-01T00:00:30Z'));
    expect(signer.credentialFor('quizzes')).toBe(first);

    // Another audience gets its own credential.
    const forUsers = signer.credentialFor('users');
    expect(forUsers).not.toBe(first);
    expect(jwt.decode(forUsers, { json: true })?.aud).toBe('users');

    // Past 40 s (two thirds of 60) it is renewed.
    vi.setSystemTime(new Date('2030-01-01T00:00:41Z'));
    const renewed = signer.credentialFor('quizzes');
    expect(renewed).not.toBe(first);
    expect(jwt.decode(renewed, { json: true })?.iat).toBe(Date.UTC(2030, 0, 1, 0, 0, 41) / 1000);
  });
});

describe('JWKS', () => {
  it('round-trips public keys through JSON, without private parts, and verifies tokens', async () => {
    const two = keyRingFromPems([
      { kid: 'kid-a', pem: pemA },
      { kid: 'kid-b', pem: pemB },
    ]);
    const document = JSON.parse(JSON.stringify(publicJwks(two.verification))) as { keys: Array<Record<string, unknown>> };
    expect(document.keys.map((k) => [k.kid, k.kty, k.alg, k.use])).toEqual([
      ['kid-a', 'RSA', 'RS256', 'sig'],
      ['kid-b', 'RSA', 'RS256', 'sig'],
    ]);
    for (const jwk of document.keys) expect(jwk).not.toHaveProperty('d');

    const fromJwks = verificationKeysFromJwks(document);
    expect([...fromJwks.keys()]).toEqual(['kid-a', 'kid-b']);
    const { token } = issueAccessToken(two.signing, { userId: 'user-7', role: 'ADMIN' }, 60);
    await expect(verifyAccessToken(token, staticKeySource(fromJwks))).resolves.toEqual({ userId: 'user-7', role: 'ADMIN' });
  });

  it('skips keys that are not RSA, lack a kid, or name another algorithm', () => {
    const [rsa] = publicJwks(ring.verification).keys;
    const { publicKey: ec } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keys = verificationKeysFromJwks({
      keys: [
        { ...rsa, kid: 'good' },
        { ...rsa, kid: 'no-alg', alg: undefined },
        { ...rsa, kid: 'hs', alg: 'HS256' },
        { ...rsa, kid: undefined },
        { ...ec.export({ format: 'jwk' }), kid: 'ec' },
      ],
    });
    expect([...keys.keys()]).toEqual(['good', 'no-alg']);
  });

  it('rejects a document without a keys array', () => {
    expect(() => verificationKeysFromJwks({})).toThrow(/keys/);
    expect(() => verificationKeysFromJwks(null)).toThrow(/keys/);
    expect(() => verificationKeysFromJwks({ keys: 'nope' })).toThrow(/keys/);
  });
});

describe('bearerToken', () => {
  it('reads a bearer token', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('  bearer   abc ')).toBe('abc');
  });

  it('gives undefined without a header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
  });

  it('throws UNAUTHENTICATED for another scheme or a malformed value', () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'abc']) {
      expect(() => bearerToken(header), header).toThrow(UnauthenticatedError);
    }
    try {
      bearerToken('Basic x');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
  });
});

describe('verify-only keys', () => {
  it('verify with the ring but never sign, so a new key can be trusted everywhere before it signs', async () => {
    const staged = keyRingFromPems([
      { kid: '20250101T000000Z-aaaaaa', pem: pemA },
      { kid: '20250201T000000Z-bbbbbb', pem: pemB, verifyOnly: true },
    ]);
    expect(staged.signing.kid).toBe('20250101T000000Z-aaaaaa');
    expect([...staged.verification.keys()]).toEqual(['20250101T000000Z-aaaaaa', '20250201T000000Z-bbbbbb']);
    // Tokens the new key will sign once promoted already verify.
    const promoted = keyRingFromPems([{ kid: '20250201T000000Z-bbbbbb', pem: pemB }]);
    const { token } = issueAccessToken(promoted.signing, viewer, 60);
    await expect(verifyAccessToken(token, staticKeySource(staged.verification))).resolves.toEqual(viewer);
    expect(() => keyRingFromPems([{ kid: 'only', pem: pemA, verifyOnly: true }])).toThrow(/not verify-only/);
  });
});

describe('key rotation', () => {
  const rotated = keyRingFromPems([
    // Deliberately out of order: the ring sorts by kid.
    { kid: '20250201T000000Z-bbbbbb', pem: pemB },
    { kid: '20250101T000000Z-aaaaaa', pem: pemA },
  ]);
  const rotatedKeys = staticKeySource(rotated.verification);

  it('signs with the kid that sorts last and keeps both for verification', () => {
    expect(rotated.signing.kid).toBe('20250201T000000Z-bbbbbb');
    expect([...rotated.verification.keys()]).toEqual(['20250101T000000Z-aaaaaa', '20250201T000000Z-bbbbbb']);
    const { token } = issueAccessToken(rotated.signing, viewer, 60);
    expect(jwt.decode(token, { complete: true })?.header.kid).toBe('20250201T000000Z-bbbbbb');
  });

  it('verifies tokens from the old key and the new key', async () => {
    const old = keyRingFromPems([{ kid: '20250101T000000Z-aaaaaa', pem: pemA }]);
    const { token: oldToken } = issueAccessToken(old.signing, { userId: 'old', role: 'PLAYER' }, 60);
    const { token: newToken } = issueAccessToken(rotated.signing, { userId: 'new', role: 'PLAYER' }, 60);
    await expect(verifyAccessToken(oldToken, rotatedKeys)).resolves.toEqual({ userId: 'old', role: 'PLAYER' });
    await expect(verifyAccessToken(newToken, rotatedKeys)).resolves.toEqual({ userId: 'new', role: 'PLAYER' });
    // The old ring alone does not know the new key.
    await expectUnauthenticated(verifyAccessToken(newToken, staticKeySource(old.verification)), /unknown key/);
  });

  it('refuses an empty ring and non-RSA keys', () => {
    expect(() => keyRingFromPems([])).toThrow(/at least one/);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(() => keyRingFromPems([{ kid: 'ec', pem: ecPem }])).toThrow(/not an RSA key/);
  });
});

describe('verified-token cache', () => {
  it('checks a token’s signature once, then remembers it until it expires', async () => {
    const source = staticKeySource(ring.verification);
    const { token } = issueAccessToken(ring.signing, viewer, 60);
    const verify = vi.spyOn(jwt, 'verify');
    try {
      for (let i = 0; i < 5; i++) await expect(verifyAccessToken(token, source)).resolves.toEqual(viewer);
      expect(verify).toHaveBeenCalledTimes(1);
      // Expired: refused although it verified before, with the same message as an unseen token.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 61_000);
      await expectUnauthenticated(verifyAccessToken(token, source), /expired/);
      expect(verify).toHaveBeenCalledTimes(2);
    } finally {
      verify.mockRestore();
    }
  });

  it('refuses a remembered token once its key is gone from the source, or names another key', async () => {
    const verification = new Map(ring.verification);
    const source = staticKeySource(() => verification);
    const { token } = issueAccessToken(ring.signing, viewer, 600);
    await expect(verifyAccessToken(token, source)).resolves.toEqual(viewer);
    verification.delete('kid-a');
    await expectUnauthenticated(verifyAccessToken(token, source), /unknown key/);
    // Under the same kid, another key: the signature is checked again, against it, and fails.
    verification.set('kid-a', keyRingFromPems([{ kid: 'kid-a', pem: pemB }]).verification.get('kid-a')!);
    await expectUnauthenticated(verifyAccessToken(token, source), /invalid/);
  });

  it('remembers no failure, and a token only for the issuer and audience it was checked for', async () => {
    const verification = new Map<string, ReturnType<typeof ring.verification.get> & object>();
    const source = staticKeySource(() => verification);
    const { token } = issueAccessToken(ring.signing, viewer, 600);
    await expectUnauthenticated(verifyAccessToken(token, source), /unknown key/);
    verification.set('kid-a', ring.verification.get('kid-a')!);
    await expect(verifyAccessToken(token, source)).resolves.toEqual(viewer);

    verification.set('router.kid-a', ring.verification.get('kid-a')!);
    const credential = new ServiceCredentialSigner('router', ring.signing).credentialFor('results');
    await expect(verifyServiceCredential(credential, source, 'results')).resolves.toEqual({ name: 'router' });
    await expectUnauthenticated(verifyServiceCredential(credential, source, 'quizzes'));
    await expectUnauthenticated(verifyAccessToken(credential, source));
  });
});
