import { z } from 'zod';
import { keyRingFromPems, loadOrCreateDevKeyRing, type KeyRing } from './keys.js';
import { jwksKeySource, staticKeySource, type KeySource } from './tokens.js';

/**
 * Where a process finds its keys. In production every key comes from the environment (a JSON array of
 * `{ "kid", "pem" }`, newest kid signs); in development they are generated on first start into
 * `keysDir` (an ignored folder) and shared by the processes on the machine.
 */
export interface KeySettings {
  /** Development key folder; undefined in production. */
  keysDir: string | undefined;
  /** ACCESS_TOKEN_PRIVATE_KEYS: the users service's signing keys. */
  accessTokenPrivateKeys: string | undefined;
  /** ACCESS_TOKEN_JWKS_URL: where verifiers fetch the users service's public keys. */
  accessTokenJwksUrl: string | undefined;
  /** SERVICE_CREDENTIAL_PRIVATE_KEYS: the keys the router and subgraphs sign service credentials with. */
  serviceCredentialPrivateKeys: string | undefined;
}

const pemList = z.array(z.object({ kid: z.string().min(1), pem: z.string().includes('PRIVATE KEY') })).min(1);

function fromEnvOrDevDir(json: string | undefined, variable: string, keysDir: string | undefined, purpose: string) {
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new Error(`${variable} must be a JSON array of {"kid","pem"} objects.`);
    }
    const result = pemList.safeParse(parsed);
    if (!result.success) throw new Error(`${variable} must be a JSON array of {"kid","pem"} objects: ${result.error.message}`);
    return Promise.resolve(keyRingFromPems(result.data));
  }
  if (keysDir === undefined) throw new Error(`${variable} is required in production (no development key folder).`);
  return loadOrCreateDevKeyRing(keysDir, purpose);
}

export function loadAccessTokenKeyRing(settings: KeySettings): Promise<KeyRing> {
  return fromEnvOrDevDir(settings.accessTokenPrivateKeys, 'ACCESS_TOKEN_PRIVATE_KEYS', settings.keysDir, 'access');
}

export function loadServiceCredentialKeyRing(settings: KeySettings): Promise<KeyRing> {
  return fromEnvOrDevDir(
    settings.serviceCredentialPrivateKeys,
    'SERVICE_CREDENTIAL_PRIVATE_KEYS',
    settings.keysDir,
    'service',
  );
}

/** Verifiers of access tokens: the JWKS URL when configured, else the development keys. */
export async function accessTokenKeySource(settings: KeySettings): Promise<KeySource> {
  if (settings.accessTokenJwksUrl) return jwksKeySource(settings.accessTokenJwksUrl);
  if (settings.keysDir === undefined && settings.accessTokenPrivateKeys === undefined) {
    throw new Error('ACCESS_TOKEN_JWKS_URL is required in production.');
  }
  return staticKeySource((await loadAccessTokenKeyRing(settings)).verification);
}

/** Reads the key settings from the environment; `production` forbids the development key folder. */
export function keySettingsFromEnv(env: NodeJS.ProcessEnv, production: boolean, defaultKeysDir: string): KeySettings {
  return {
    keysDir: production ? undefined : (env.QUIZGRAPH_KEYS_DIR ?? defaultKeysDir),
    accessTokenPrivateKeys: env.ACCESS_TOKEN_PRIVATE_KEYS,
    accessTokenJwksUrl: env.ACCESS_TOKEN_JWKS_URL,
    serviceCredentialPrivateKeys: env.SERVICE_CREDENTIAL_PRIVATE_KEYS,
  };
}
