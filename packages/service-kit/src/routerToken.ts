import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROUTER } from '@quizgraph/topology';
import { variableOrFile } from './fileVariables.js';

/**
 * The proof of origin a standard router (Hive Gateway, Apollo Router) gives by configuration alone: a
 * long random token it attaches to every subgraph request in this header (routers/hive-gateway,
 * routers/apollo-router). A subgraph that is given the token's SHA-256 digest (ROUTER_TOKEN_SHA256)
 * takes a request to /graphql carrying it as coming from the caller `router`.
 *
 * Weaker than the signed service credential (tokens.ts), which stays the proof of the project's own
 * router and of subgraph→subgraph calls: the token does not expire and is not bound to its audience, so
 * whoever reads it off the wire or from the router's configuration can replay it until it is rotated.
 * Hence: it is off unless configured, accepted on /graphql only (never on the internal channels), the
 * subgraphs hold only its digest, and several digests can be given at once so that a token rotates
 * without downtime.
 */
export const ROUTER_TOKEN_HEADER = 'x-quizgraph-router-token';

/** The variable (or ROUTER_TOKEN_SHA256_FILE) naming the accepted tokens' digests: hex, comma- or space-separated. */
export const ROUTER_TOKEN_DIGESTS_VARIABLE = 'ROUTER_TOKEN_SHA256';

/**
 * The caller a valid router token stands for: the router, as the signed credential of the project's router
 * says, so the one check of /graphql (the router alone) admits both.
 */
export const ROUTER_TOKEN_CALLER = ROUTER.name;

/** The shortest token a router may present (32 random bytes in hex are 64 characters). */
export const ROUTER_TOKEN_MIN_LENGTH = 32;

/** Hex SHA-256 of a token: what a subgraph is configured with (`sha256sum` of a file holding the token without a newline). */
export function routerTokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Checks presented router tokens against the configured digests. */
export class RouterTokenVerifier {
  private readonly digests: Buffer[];

  constructor(hexDigests: readonly string[]) {
    if (hexDigests.length === 0) throw new Error('A router token verifier needs at least one digest.');
    this.digests = hexDigests.map((hex) => Buffer.from(hex, 'hex'));
  }

  /**
   * Whether `presented` is one of the configured tokens. The presented token is hashed and compared with
   * every digest in constant time (no early exit), so neither the time taken nor which digest matched
   * tells anything about the tokens; a token shorter than ROUTER_TOKEN_MIN_LENGTH never matches.
   */
  accepts(presented: string | undefined): boolean {
    if (typeof presented !== 'string' || presented.length < ROUTER_TOKEN_MIN_LENGTH) return false;
    const digest = createHash('sha256').update(presented, 'utf8').digest();
    let matched = false;
    for (const known of this.digests) matched = timingSafeEqual(digest, known) || matched;
    return matched;
  }
}

const HEX_DIGEST = /^[0-9a-f]{64}$/i;

/**
 * Parses ROUTER_TOKEN_SHA256's value: undefined (the router token is off) when unset; otherwise every
 * entry must be a hex SHA-256 digest, or the process does not start.
 */
export function parseRouterTokenDigests(value: string | undefined): RouterTokenVerifier | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const entries = value.split(/[\s,]+/).filter((entry) => entry !== '');
  for (const entry of entries) {
    if (!HEX_DIGEST.test(entry)) {
      throw new Error(
        `${ROUTER_TOKEN_DIGESTS_VARIABLE} must list hex SHA-256 digests of router tokens (64 hex digits each, comma-separated); "${entry.slice(0, 12)}…" is not one. Give the digest, never the token itself.`,
      );
    }
  }
  return new RouterTokenVerifier(entries);
}

/** The router-token verifier the environment configures (ROUTER_TOKEN_SHA256 or ROUTER_TOKEN_SHA256_FILE), or undefined when off. */
export function routerTokenVerifierFromEnv(env: Record<string, string | undefined>): RouterTokenVerifier | undefined {
  return parseRouterTokenDigests(variableOrFile(env, ROUTER_TOKEN_DIGESTS_VARIABLE));
}

/** The development router token's files in a development keys folder (QUIZGRAPH_KEYS_DIR): the token, and its digest. */
export const DEV_ROUTER_TOKEN_FILES = { token: 'router-token', digest: 'router-token.sha256' } as const;

/**
 * The development router token, beside the development keys (keys.ts, loadOrCreateDevKeyRing): made
 * once, by the migrate one-shot, so that a standard router in the compose stack (the `hive-gateway`
 * profile) holds the token whose digest every subgraph reads. `router-token` is 32 random bytes in hex
 * without a newline (the router sends the file's content as is), `router-token.sha256` its digest; an
 * existing token is kept, and a missing digest written from it. Returns the token.
 */
export async function loadOrCreateDevRouterToken(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tokenPath = join(dir, DEV_ROUTER_TOKEN_FILES.token);
  try {
    // `wx`: a second run, or a second process at once, keeps the token already written.
    await writeFile(tokenPath, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const token = (await readFile(tokenPath, 'utf8')).trimEnd();
  if (token.length < ROUTER_TOKEN_MIN_LENGTH)
    throw new Error(`${tokenPath} holds fewer than ${ROUTER_TOKEN_MIN_LENGTH} characters: delete it to get a new token.`);
  // Rewritten each time from the token: a digest of an older token would lock the router out.
  await writeFile(join(dir, DEV_ROUTER_TOKEN_FILES.digest), `${routerTokenDigest(token)}\n`, { mode: 0o644 });
  return token;
}
