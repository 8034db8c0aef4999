import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every Quizgraph token is RS256: asymmetric, so verifiers never hold anything that can sign. */
export const TOKEN_ALGORITHM = 'RS256' as const;

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** Public keys by `kid`. Several at once during a rotation: the new one signs, old ones still verify. */
export type VerificationKeys = ReadonlyMap<string, KeyObject>;

export interface KeyRing {
  /** The newest key: it signs everything issued from now on. */
  signing: SigningKey;
  verification: VerificationKeys;
}

export interface PublicJwks {
  keys: Array<JsonWebKey & { kid: string; alg: string; use: string }>;
}

/**
 * Kids sort in creation order, and the greatest signs: a millisecond timestamp, then how many keys the
 * folder already held (two rotations within one millisecond still order), then a random suffix.
 */
export function newKid(existingKeys: number): string {
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${String(existingKeys).padStart(4, '0')}-${randomBytes(3).toString('hex')}`;
}

/** Plain code-unit order (not locale order), so operators' own kids sort predictably too. */
const byKid = (a: { kid: string }, b: { kid: string }) => (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0);

/**
 * A key ring from private keys: every key verifies; the greatest kid not marked `verifyOnly` signs.
 * A verify-only key is the first stage of a rotation: published to (and trusted by) every verifier
 * while the old key still signs, so that once it signs, no process still running can refuse it.
 */
export function keyRingFromPems(keys: ReadonlyArray<{ kid: string; pem: string; verifyOnly?: boolean }>): KeyRing {
  if (keys.length === 0) throw new Error('A key ring needs at least one private key.');
  const sorted = [...keys].sort(byKid);
  const verification = new Map<string, KeyObject>();
  let signing: SigningKey | undefined;
  for (const { kid, pem, verifyOnly } of sorted) {
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'rsa') throw new Error(`Key ${kid} is not an RSA key (RS256 needs one).`);
    verification.set(kid, createPublicKey(privateKey));
    if (!verifyOnly) signing = { kid, privateKey };
  }
  if (!signing) throw new Error('A key ring needs at least one key that is not verify-only, to sign with.');
  return { signing, verification };
}

/** Public keys from PEMs (public or private: only the public half is kept). */
export function verificationKeysFromPems(keys: ReadonlyArray<{ kid: string; pem: string }>): Map<string, KeyObject> {
  const verification = new Map<string, KeyObject>();
  for (const { kid, pem } of keys) {
    const publicKey = createPublicKey(pem);
    if (publicKey.asymmetricKeyType !== 'rsa') throw new Error(`Key ${kid} is not an RSA key (RS256 needs one).`);
    verification.set(kid, publicKey);
  }
  return verification;
}

/**
 * Development keys: created on first start under `dir/<purpose>/<kid>.pem` (an ignored folder) and
 * reused afterwards. `rotateDevKey` adds a newer one; the older ones keep verifying.
 */
export async function loadOrCreateDevKeyRing(dir: string, purpose: string): Promise<KeyRing> {
  const folder = join(dir, purpose);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const files = (await readdir(folder)).filter((f) => f.endsWith('.pem'));
  if (files.length === 0) {
    await rotateDevKey(dir, purpose);
    return loadOrCreateDevKeyRing(dir, purpose);
  }
  const keys = await Promise.all(files.map(async (file) => ({ kid: file.slice(0, -'.pem'.length), pem: await readFile(join(folder, file), 'utf8') })));
  return keyRingFromPems(keys);
}

export async function rotateDevKey(dir: string, purpose: string): Promise<string> {
  const folder = join(dir, purpose);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = newKid((await readdir(folder)).filter((f) => f.endsWith('.pem')).length);
  // `wx`: two processes starting at once must not overwrite each other's key.
  await writeFile(join(folder, `${kid}.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
    flag: 'wx',
  });
  return kid;
}

export function publicJwks(keys: VerificationKeys): PublicJwks {
  return {
    keys: [...keys].map(([kid, key]) => ({ ...key.export({ format: 'jwk' }), kid, alg: TOKEN_ALGORITHM, use: 'sig' })),
  };
}

export function verificationKeysFromJwks(jwks: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const list = (jwks as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) throw new Error('A JWKS document needs a "keys" array.');
  for (const jwk of list as Array<JsonWebKey & { kid?: unknown; alg?: unknown }>) {
    if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA') continue;
    if (jwk.alg !== undefined && jwk.alg !== TOKEN_ALGORITHM) continue;
    keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
  }
  return keys;
}
