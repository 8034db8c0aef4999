/**
 * `pnpm sdk:manifest`: writes persisted-query-manifest.json, the SDK's operations in the format of
 * Apollo's persisted-query tooling, which the router's safelist mode (`PERSISTED_QUERIES_SAFELIST`),
 * Apollo Router and GraphOS read: `{ format, version, operations: [{ id, name, type, body }] }`.
 *
 * Written here rather than by `@apollo/generate-persisted-query-manifest`: that tool runs documents
 * through Apollo Client's transforms (it needs @apollo/client, and adds `__typename` everywhere), so
 * its bodies are what Apollo Client would send. This manifest must list what the SDK's client sends:
 * the body each generated document carries (printed by graphql-js in codegen.ts), and as id its
 * SHA-256, the hash the client sends as `extensions.persistedQuery.sha256Hash`. Same operations,
 * same bytes: the operations are sorted by name and the file is deterministic.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as generated from '../src/__generated__/graphql.ts';
import { operationMetaOf } from '../src/operationMeta.ts';
import { SDK_DIR } from './operationFiles.ts';

export const MANIFEST_PATH = join(SDK_DIR, 'persisted-query-manifest.json');

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: Array<{ id: string; name: string; type: 'query' | 'mutation' | 'subscription'; body: string }>;
}

export function persistedQueryManifest(): PersistedQueryManifest {
  const operations = Object.values(generated)
    .map((value) => (typeof value === 'object' && value !== null ? operationMetaOf(value) : undefined))
    .filter((meta) => meta !== undefined)
    .sort((a, b) => (a.operationName < b.operationName ? -1 : 1))
    .map((meta) => ({ id: meta.hash, name: meta.operationName, type: meta.operationType, body: meta.body }));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export const manifestText = (manifest: PersistedQueryManifest) => `${JSON.stringify(manifest, null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = persistedQueryManifest();
  await writeFile(MANIFEST_PATH, manifestText(manifest));
  console.log(`${MANIFEST_PATH}: ${manifest.operations.length} operations`);
}
