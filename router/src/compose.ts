import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeSupergraph } from './composition.js';

/** `pnpm compose` writes supergraph.graphql; `pnpm compose:check` fails when the committed one is stale. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const output = join(root, 'supergraph.graphql');
const check = process.argv.includes('--check');

try {
  const supergraph = await composeSupergraph(join(root, 'supergraph.yaml'));
  if (check) {
    const committed = existsSync(output) ? await readFile(output, 'utf8') : '';
    if (committed !== supergraph) {
      console.error('supergraph.graphql is stale: run `pnpm compose` and commit the result.');
      process.exit(1);
    }
    console.log('supergraph.graphql is up to date');
  } else {
    await writeFile(output, supergraph);
    console.log(`composed ${output}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
