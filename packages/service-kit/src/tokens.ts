import { PROCESS_NAMES, type ProcessName } from '@quizgraph/topology';
import jwt from 'jsonwebtoken';
import type { KeyObject } from 'node:crypto';
import { UnauthenticatedError } from './errors.js';
import { TOKEN_ALGORITHM, verificationKeysFromJwks, type SigningKey, type VerificationKeys } from './keys.js';

export const ROLES = ['PLAYER', 'AUTHOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by a verified access token. */
export interface Viewer {
  userId: string;
  role: Role;
  /** The session (refresh-token family) the access token was issued for, when it came from one. */
  sessionId?: string;
}

export const ACCESS_TOKEN_ISSUER = 'quizgraph-users';
export const ACCESS_TOKEN_AUDIENCE = 'quizgraph-api';

/** Where verifiers get public keys: a fixed set, or the users service's JWKS document. */
export interface KeySource {
  get(kid: string): Promise<KeyObject | undefined>;
}

export function staticKeySource(keys: VerificationKeys | (() => VerificationKeys)): KeySource {
  return { get: async (kid) => (typeof keys === 'function' ? keys() : keys).get(kid) };
}

/**
 * Fetches a JWKS document; again (at most every `minRefreshMs`) when a token names an unknown kid, and
 * every `maxAgeMs` regardless, so a key removed from the document stops verifying within that time.
 */
export function jwksKeySource(url: string, minRefreshMs = 30_000, maxAgeMs = 300_000): KeySource {
  let keys: VerificationKeys = new Map();
  let fetchedAt = 0;
  let inFlight: Promise<void> | undefined;
  const refresh = async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`JWKS ${url} answered ${response.status}`);
    keys = verificationKeysFromJwks(await response.json());
    fetchedAt = Date.now();
  };
  return {
    async get(kid) {
      const age = Date.now() - fetchedAt;
      if ((!keys.has(kid) && age >= minRefreshMs) || age >= maxAgeMs) {
        inFlight ??= refresh().finally(() => (inFlight = undefined));
        await inFlight.catch(() => undefined);
      }
      return keys.get(kid);
    },
  };
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export function issueAccessToken(key: SigningKey, viewer: Viewer, ttlSeconds: number): IssuedToken {
  const claims = viewer.sessionId ? { role: viewer.role, sid: viewer.sessionId } : { role: viewer.role };
  const token = jwt.sign(claims, key.privateKey, {
    algorithm: TOKEN_ALGORITHM,
    keyid: key.kid,
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    subject: viewer.userId,
    expiresIn: ttlSeconds,
  });
  return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

interface VerifyOptions {
  issuer: string;
  audience: string;
}

/** How many verified tokens each key source remembers: a few thousand active users' access tokens and credentials. */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

interface Verified {
  payload: jwt.JwtPayload;
  kid: string;
  key: KeyObject;
}

/** Per key source: token (with the issuer and audience it was checked for) → what verifying it gave. */
const verifiedTokens = new WeakMap<KeySource, Map<string, Verified>>();

/**
 * Verifies an RS256 token strictly: the algorithm is pinned (no `none`, no HS256 with a public key as
 * the secret), the `kid` must be known, and `iss`, `aud`, `exp` and `sub` are all required.
 *
 * A token that verified is remembered (per key source, least recently used out first) until it
 * expires, so each hop of a request does not check the same RSA signature again: a remembered token
 * is accepted only while it has not expired and its `kid` still names the same key in the source (a
 * key removed from the JWKS document stops verifying its tokens as soon as the source drops it).
 * Failures are never remembered.
 */
async function verifyToken(token: string, keys: KeySource, options: VerifyOptions): Promise<{ payload: jwt.JwtPayload; kid: string }> {
  let cache = verifiedTokens.get(keys);
  if (!cache) {
    cache = new Map();
    verifiedTokens.set(keys, cache);
  }
  const name = `${options.issuer}\n${options.audience}\n${token}`;
  const remembered = cache.get(name);
  if (remembered) {
    cache.delete(name);
    if (Date.now() < remembered.payload.exp! * 1000 && (await keys.get(remembered.kid)) === remembered.key) {
      cache.set(name, remembered);
      return { payload: remembered.payload, kid: remembered.kid };
    }
  }

  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw new UnauthenticatedError('The token is malformed.');
  if (decoded.header.alg !== TOKEN_ALGORITHM) throw new UnauthenticatedError('The token is signed with an algorithm that is not accepted.');
  const kid = decoded.header.kid;
  const key = kid ? await keys.get(kid) : undefined;
  if (!kid || !key) throw new UnauthenticatedError('The token is signed with an unknown key.');
  let payload: jwt.JwtPayload | string;
  try {
    payload = jwt.verify(token, key, { algorithms: [TOKEN_ALGORITHM], issuer: options.issuer, audience: options.audience });
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) throw new UnauthenticatedError('The token has expired.');
    throw new UnauthenticatedError('The token is invalid.');
  }
  if (typeof payload === 'string' || typeof payload.exp !== 'number' || typeof payload.sub !== 'string') {
    throw new UnauthenticatedError('The token lacks a required claim.');
  }
  cache.set(name, { payload, kid, key });
  // A Map iterates in insertion order: its first entry is the least recently used one.
  if (cache.size > VERIFIED_TOKEN_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { payload, kid };
}

export async function verifyAccessToken(token: string, keys: KeySource): Promise<Viewer> {
  const { payload } = await verifyToken(token, keys, { issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
  const role = payload.role;
  if (!ROLES.includes(role)) throw new UnauthenticatedError('The token lacks a required claim.');
  return typeof payload.sid === 'string' ? { userId: payload.sub!, role, sessionId: payload.sid } : { userId: payload.sub!, role };
}

/** Reads `Authorization: Bearer <token>`; undefined when absent, an error when present but malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <access token>".');
  return match[1];
}

// ---------------------------------------------------------------------------------------------
// Service credentials: how a subgraph knows a request comes from the router or a sibling service.

export const SERVICE_CREDENTIAL_HEADER = 'x-quizgraph-service-credential';
const SERVICE_ISSUER = 'quizgraph-service';

export interface ServiceCaller {
  /** `router`, or a subgraph of the service list. */
  name: string;
}

/**
 * The services that hold a service-credential key pair of their own. A credential's `kid` names its
 * holder (`<holder>.<kid>`), and a verifier accepts it only when `sub` names that same holder: the
 * router's key cannot speak for results, whatever the router writes in the token.
 */
export const CREDENTIAL_HOLDERS = PROCESS_NAMES;
export type CredentialHolder = ProcessName;

/** The longest lifetime (exp − iat) a service credential may state; signers use 60 s. */
export const MAX_SERVICE_CREDENTIAL_LIFETIME_SECONDS = 300;
/** How far in the future an `iat` may lie (clock skew between machines). */
const CLOCK_SKEW_SECONDS = 60;

/** The kid a holder's key goes by in credentials and in verifiers' key sets. */
export const holderKid = (holder: string, kid: string) => `${holder}.${kid}`;

/**
 * One verifier key set from each holder's public keys, every key under its holder-bound kid
 * (`holderKid`): a key verifies credentials of its holder only.
 */
export function serviceCredentialVerificationKeys(byHolder: Partial<Record<string, VerificationKeys>>): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const [holder, ring] of Object.entries(byHolder)) {
    if (holder.includes('.')) throw new Error(`A credential holder's name cannot contain a dot: ${holder}`);
    for (const [kid, key] of ring ?? []) keys.set(holderKid(holder, kid), key);
  }
  return keys;
}

/** Mints short-lived credentials addressed to one service each, reusing one until a third of its life is left. */
export class ServiceCredentialSigner {
  private readonly cache = new Map<string, { token: string; renewAt: number }>();

  constructor(
    private readonly caller: string,
    private readonly key: SigningKey,
    private readonly ttlSeconds = 60,
  ) {
    if (ttlSeconds > MAX_SERVICE_CREDENTIAL_LIFETIME_SECONDS)
      throw new Error(`A service credential lives at most ${MAX_SERVICE_CREDENTIAL_LIFETIME_SECONDS} s.`);
  }

  credentialFor(audience: string): string {
    const cached = this.cache.get(audience);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const token = jwt.sign({}, this.key.privateKey, {
      algorithm: TOKEN_ALGORITHM,
      keyid: holderKid(this.caller, this.key.kid),
      issuer: SERVICE_ISSUER,
      audience,
      subject: this.caller,
      expiresIn: this.ttlSeconds,
    });
    this.cache.set(audience, { token, renewAt: Date.now() + (this.ttlSeconds * 1000 * 2) / 3 });
    return token;
  }
}

/**
 * Verifies a service credential addressed to `audience`: signed by a key of the holder its `sub`
 * names (`keys` from serviceCredentialVerificationKeys), with `iat` and `exp` no further apart than
 * MAX_SERVICE_CREDENTIAL_LIFETIME_SECONDS and `iat` not in the future.
 */
export async function verifyServiceCredential(token: string, keys: KeySource, audience: string): Promise<ServiceCaller> {
  const { payload, kid } = await verifyToken(token, keys, { issuer: SERVICE_ISSUER, audience });
  const holder = kid.slice(0, Math.max(0, kid.indexOf('.')));
  if (!holder || payload.sub !== holder) throw new UnauthenticatedError('The credential is signed with another service’s key.');
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== 'number') throw new UnauthenticatedError('The token lacks a required claim.');
  if (payload.iat > now + CLOCK_SKEW_SECONDS) throw new UnauthenticatedError('The credential is issued in the future.');
  if (payload.exp! - payload.iat > MAX_SERVICE_CREDENTIAL_LIFETIME_SECONDS) throw new UnauthenticatedError('The credential states too long a lifetime.');
  return { name: holder };
}
