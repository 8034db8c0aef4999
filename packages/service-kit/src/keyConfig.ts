import { z } from 'zod';
import { variableOrFile } from './fileVariables.js';
import { parseRouterTokenDigests, ROUTER_TOKEN_DIGESTS_VARIABLE, type RouterTokenVerifier } from './routerToken.js';
import { keyRingFromPems, loadOrCreateDevKeyRing, verificationKeysFromPems, type KeyRing, type VerificationKeys } from './keys.js';
import {
  CREDENTIAL_HOLDERS,
  jwksKeySource,
  serviceCredentialVerificationKeys,
  ServiceCredentialSigner,
  staticKeySource,
  type CredentialHolder,
  type KeySource,
} from './tokens.js';

/**
 * Where a process finds its keys. In production every key comes from the environment (a JSON array of
 * `{ "kid", "pem", "verifyOnly"? }`, the newest kid not verify-only signs); in development they are generated on first start into
 * `keysDir` (an ignored folder) and shared by the processes on the machine.
 */
export interface KeySettings {
  /** Development key folder; undefined in production. */
  keysDir: string | undefined;
  /** ACCESS_TOKEN_PRIVATE_KEYS: the users service's signing keys. */
  accessTokenPrivateKeys: string | undefined;
  /** ACCESS_TOKEN_JWKS_URL: where verifiers fetch the users service's public keys. */
  accessTokenJwksUrl: string | undefined;
  /** SERVICE_CREDENTIAL_PRIVATE_KEYS: this process's own keys for signing service credentials. */
  serviceCredentialPrivateKeys: string | undefined;
  /** SERVICE_CREDENTIAL_PUBLIC_KEYS: the public keys of every service whose credentials this process accepts, by service. */
  serviceCredentialPublicKeys: string | undefined;
  /** ROUTER_TOKEN_SHA256: digests of the tokens a standard router may present instead of a credential (routerToken.ts); unset, off. */
  routerTokenDigests?: string | undefined;
}

const pemList = z.array(z.object({ kid: z.string().min(1), pem: z.string().includes('PRIVATE KEY'), verifyOnly: z.boolean().optional() })).min(1);
const publicPemsByHolder = z.partialRecord(
  z.enum(CREDENTIAL_HOLDERS),
  z.array(
    z.object({
      kid: z
        .string()
        .min(1)
        .regex(/^[^.]+$/, 'a kid cannot contain a dot'),
      pem: z.string().includes('PUBLIC KEY'),
    }),
  ),
);

function fromEnvOrDevDir(json: string | undefined, variable: string, keysDir: string | undefined, purpose: string) {
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new Error(`${variable} must be a JSON array of {"kid","pem","verifyOnly"?} objects.`);
    }
    const result = pemList.safeParse(parsed);
    if (!result.success) throw new Error(`${variable} must be a JSON array of {"kid","pem","verifyOnly"?} objects: ${result.error.message}`);
    return Promise.resolve(keyRingFromPems(result.data));
  }
  if (keysDir === undefined) throw new Error(`${variable} is required in production (no development key folder).`);
  return loadOrCreateDevKeyRing(keysDir, purpose);
}

export function loadAccessTokenKeyRing(settings: KeySettings): Promise<KeyRing> {
  return fromEnvOrDevDir(settings.accessTokenPrivateKeys, 'ACCESS_TOKEN_PRIVATE_KEYS', settings.keysDir, 'access');
}

/** What a process needs for service credentials: its signer, and the keys of every holder it accepts. */
export interface ServiceCredentials {
  signer: ServiceCredentialSigner;
  /** Each key bound to its holder (serviceCredentialVerificationKeys). */
  keys: KeySource;
  /** The router tokens a subgraph's /graphql accepts as the caller `router` (ROUTER_TOKEN_SHA256); undefined when off. */
  routerTokens: RouterTokenVerifier | undefined;
}

/**
 * Service credentials of process `self`. Development: every holder's key pair is made on first start
 * in the shared key folder (`service-<holder>/`). Production: this process's own private keys in
 * SERVICE_CREDENTIAL_PRIVATE_KEYS, and the others' public keys in SERVICE_CREDENTIAL_PUBLIC_KEYS
 * (`{"users": [{"kid","pem"}], …}`): no process holds another's private key.
 */
export async function loadServiceCredentials(settings: KeySettings, self: CredentialHolder): Promise<ServiceCredentials> {
  const own = await fromEnvOrDevDir(settings.serviceCredentialPrivateKeys, 'SERVICE_CREDENTIAL_PRIVATE_KEYS', settings.keysDir, `service-${self}`);
  const byHolder: Partial<Record<string, VerificationKeys>> = {};
  if (settings.serviceCredentialPublicKeys !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(settings.serviceCredentialPublicKeys);
    } catch {
      throw new Error('SERVICE_CREDENTIAL_PUBLIC_KEYS must be a JSON object of {"<service>": [{"kid","pem"}]}.');
    }
    const result = publicPemsByHolder.safeParse(parsed);
    if (!result.success) throw new Error(`SERVICE_CREDENTIAL_PUBLIC_KEYS must be a JSON object of {"<service>": [{"kid","pem"}]}: ${result.error.message}`);
    for (const [holder, pems] of Object.entries(result.data)) byHolder[holder] = verificationKeysFromPems(pems ?? []);
  } else if (settings.keysDir !== undefined) {
    for (const holder of CREDENTIAL_HOLDERS) {
      if (holder !== self) byHolder[holder] = (await loadOrCreateDevKeyRing(settings.keysDir, `service-${holder}`)).verification;
    }
  } else {
    throw new Error('SERVICE_CREDENTIAL_PUBLIC_KEYS is required in production (no development key folder).');
  }
  byHolder[self] = new Map([...(byHolder[self] ?? []), ...own.verification]);
  return {
    signer: new ServiceCredentialSigner(self, own.signing),
    keys: staticKeySource(serviceCredentialVerificationKeys(byHolder)),
    routerTokens: parseRouterTokenDigests(settings.routerTokenDigests),
  };
}

/** A development signer of `caller`'s credentials from the key folder (tests, scripts). */
export async function devServiceCredentialSigner(keysDir: string, caller: CredentialHolder): Promise<ServiceCredentialSigner> {
  return new ServiceCredentialSigner(caller, (await loadOrCreateDevKeyRing(keysDir, `service-${caller}`)).signing);
}

/** Verifiers of access tokens: the JWKS URL when configured, else the development keys. */
export async function accessTokenKeySource(settings: KeySettings): Promise<KeySource> {
  if (settings.accessTokenJwksUrl) return jwksKeySource(settings.accessTokenJwksUrl);
  if (settings.keysDir === undefined && settings.accessTokenPrivateKeys === undefined) {
    throw new Error('ACCESS_TOKEN_JWKS_URL is required in production.');
  }
  return staticKeySource((await loadAccessTokenKeyRing(settings)).verification);
}

/**
 * Reads the key settings from the environment; `production` forbids the development key folder. Each
 * key variable is read inline or from the file its `_FILE` variable names (variableOrFile: Compose secrets).
 */
export function keySettingsFromEnv(env: NodeJS.ProcessEnv, production: boolean, defaultKeysDir: string): KeySettings {
  return {
    keysDir: production ? undefined : (env.QUIZGRAPH_KEYS_DIR ?? defaultKeysDir),
    accessTokenPrivateKeys: variableOrFile(env, 'ACCESS_TOKEN_PRIVATE_KEYS'),
    accessTokenJwksUrl: env.ACCESS_TOKEN_JWKS_URL,
    serviceCredentialPrivateKeys: variableOrFile(env, 'SERVICE_CREDENTIAL_PRIVATE_KEYS'),
    serviceCredentialPublicKeys: variableOrFile(env, 'SERVICE_CREDENTIAL_PUBLIC_KEYS'),
    routerTokenDigests: variableOrFile(env, ROUTER_TOKEN_DIGESTS_VARIABLE),
  };
}
