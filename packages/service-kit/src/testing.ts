import type { SubgraphName } from '@quizgraph/topology';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphqlRequest, type GraphQLResponse, type RequestOptions, type AnyJson } from './graphqlClient.js';
import { loadOrCreateDevKeyRing, type KeyRing } from './keys.js';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createLogger, type Logger } from './logger.js';
import {
  CREDENTIAL_HOLDERS,
  SERVICE_CREDENTIAL_HEADER,
  serviceCredentialVerificationKeys,
  ServiceCredentialSigner,
  staticKeySource,
  type CredentialHolder,
  type KeySource,
} from './tokens.js';

declare module 'vitest' {
  /** What stack/test/globalSetup.ts provides to the tiers that need a database. */
  export interface ProvidedContext {
    databaseUrls: Record<SubgraphName, string>;
  }
}

/** Fixtures for tests that run real services: fresh keys in a temporary folder, a silent logger. */
export interface TestKeys {
  dir: string;
  accessTokenKeys: KeyRing;
  /** Each credential holder's key pair (the router and every subgraph). */
  serviceCredentialKeys: Record<CredentialHolder, KeyRing>;
  accessKeys: KeySource;
  /** Every holder's public keys, each bound to its holder: what each service verifies credentials with. */
  serviceKeys: KeySource;
  /** A signer of `caller`'s credentials, with `caller`'s own key. */
  signer(caller: CredentialHolder): ServiceCredentialSigner;
}

export async function createTestKeys(): Promise<TestKeys> {
  const dir = await mkdtemp(join(tmpdir(), 'quizgraph-keys-'));
  const accessTokenKeys = await loadOrCreateDevKeyRing(dir, 'access');
  const rings = await Promise.all(CREDENTIAL_HOLDERS.map((holder) => loadOrCreateDevKeyRing(dir, `service-${holder}`)));
  const serviceCredentialKeys = Object.fromEntries(CREDENTIAL_HOLDERS.map((holder, i) => [holder, rings[i]!])) as Record<CredentialHolder, KeyRing>;
  return {
    dir,
    accessTokenKeys,
    serviceCredentialKeys,
    accessKeys: staticKeySource(accessTokenKeys.verification),
    serviceKeys: staticKeySource(
      serviceCredentialVerificationKeys(Object.fromEntries(CREDENTIAL_HOLDERS.map((holder) => [holder, serviceCredentialKeys[holder].verification]))),
    ),
    signer: (caller) => new ServiceCredentialSigner(caller, serviceCredentialKeys[caller].signing),
  };
}

export const silentLogger = createLogger({ level: 'silent' });

/** A logger that keeps its JSON lines, parsed, for a test to read. */
export function memoryLogger(level = 'info'): { logger: Logger; lines: Array<AnyJson> } {
  const lines: Array<AnyJson> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

/** Calls a subgraph directly, as the router would (give it the router's signer: /graphql refuses any other): with a service credential. */
export function subgraphClient(url: string, audience: string, signer: ServiceCredentialSigner) {
  return <T = AnyJson>(query: string, options: RequestOptions = {}): Promise<GraphQLResponse<T>> =>
    graphqlRequest<T>(url, query, {
      ...options,
      headers: { ...options.headers, [SERVICE_CREDENTIAL_HEADER]: signer.credentialFor(audience) },
    });
}
