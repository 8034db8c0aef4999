import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphqlRequest, type GraphQLResponse, type RequestOptions } from './graphqlClient.js';
import { loadOrCreateDevKeyRing, type KeyRing } from './keys.js';
import { createLogger } from './logger.js';
import { SERVICE_CREDENTIAL_HEADER, ServiceCredentialSigner, staticKeySource, type KeySource } from './tokens.js';

declare module 'vitest' {
  /** What stack/test/globalSetup.ts provides to the tiers that need a database. */
  export interface ProvidedContext {
    databaseUrls: { users: string; quizzes: string; results: string };
  }
}

/** Fixtures for tests that run real services: fresh keys in a temporary folder, a silent logger. */
export interface TestKeys {
  dir: string;
  accessTokenKeys: KeyRing;
  serviceCredentialKeys: KeyRing;
  accessKeys: KeySource;
  serviceKeys: KeySource;
  signer(caller: string): ServiceCredentialSigner;
}

export async function createTestKeys(): Promise<TestKeys> {
  const dir = await mkdtemp(join(tmpdir(), 'quizgraph-keys-'));
  const [accessTokenKeys, serviceCredentialKeys] = await Promise.all([
    loadOrCreateDevKeyRing(dir, 'access'),
    loadOrCreateDevKeyRing(dir, 'service'),
  ]);
  return {
    dir,
    accessTokenKeys,
    serviceCredentialKeys,
    accessKeys: staticKeySource(accessTokenKeys.verification),
    serviceKeys: staticKeySource(serviceCredentialKeys.verification),
    signer: (caller) => new ServiceCredentialSigner(caller, serviceCredentialKeys.signing),
  };
}

export const silentLogger = createLogger({ level: 'silent' });

/** Calls a subgraph directly, as `caller` (the router, or a sibling service) would: with a service credential. */
export function subgraphClient(url: string, audience: string, signer: ServiceCredentialSigner) {
  return <T = Record<string, any>>(query: string, options: RequestOptions = {}): Promise<GraphQLResponse<T>> =>
    graphqlRequest<T>(url, query, {
      ...options,
      headers: { ...options.headers, [SERVICE_CREDENTIAL_HEADER]: signer.credentialFor(audience) },
    });
}
