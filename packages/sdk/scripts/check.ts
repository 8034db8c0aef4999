/**
 * `pnpm sdk:check` (CI), after regenerating: the generated code and the manifest are committed as
 * generated, every document is named after its operation, and the README's example operations are
 * the documents.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as generated from '../src/__generated__/graphql.ts';
import { operationMetaOf } from '../src/operationMeta.ts';
import { operationFiles, REPO_ROOT, SDK_DIR } from './operationFiles.ts';
import { syncReadme } from './readmeOperations.ts';

const failures: string[] = [];

const changed = execFileSync('git', ['status', '--porcelain', '--', 'src/__generated__', 'persisted-query-manifest.json'], { cwd: SDK_DIR, encoding: 'utf8' });
if (changed) failures.push(`The SDK's generated code or manifest is stale: run pnpm sdk:codegen and commit.\n${changed}`);

const operations = await operationFiles();
const generatedNames = new Set(
  Object.values(generated).flatMap((value) => {
    const meta = typeof value === 'object' && value !== null ? operationMetaOf(value) : undefined;
    return meta ? [meta.operationName] : [];
  }),
);
for (const name of operations.keys()) {
  if (!generatedNames.has(name)) failures.push(`packages/sdk/operations/${name}.graphql must hold one operation named ${name}.`);
}

const { stale, problems } = syncReadme(await readFile(join(REPO_ROOT, 'README.md'), 'utf8'), operations);
failures.push(...problems);
if (stale.length > 0) {
  failures.push(
    `README.md's example operations differ from packages/sdk/operations in these blocks:\n${stale.map((s) => `  - <!-- operation: ${s} -->`).join('\n')}\n` +
      'Edit the documents (not the README) and run pnpm docs:operations.',
  );
}

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`SDK: ${operations.size} operations, generated code, manifest and README examples up to date.`);
