import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printApiSchema } from './apiSchema.js';
import { composeSupergraph } from './composition.js';

/**
 * `pnpm compose` writes supergraph.graphql (what the router runs) and api.graphql (the client-facing
 * schema derived from it); `pnpm compose:check` fails when either committed file is stale.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const check = process.argv.includes('--check');

try {
  const supergraph = await composeSupergraph(join(root, 'supergraph.yaml'));
  const artefacts = { 'supergraph.graphql': supergraph, 'api.graphql': await printApiSchema(supergraph) };
  let stale = false;
  for (const [name, content] of Object.entries(artefacts)) {
    const output = join(root, name);
    if (check) {
      const committed = existsSync(output) ? await readFile(output, 'utf8') : '';
      if (committed === content) {
        console.log(`${name} is up to date`);
      } else {
        console.error(`${name} is stale: run \`pnpm compose\` and commit the result.`);
        stale = true;
      }
    } else {
      await writeFile(output, content);
      console.log(`wrote ${output}`);
    }
  }
  if (stale) process.exit(1);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
