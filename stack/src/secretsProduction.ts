import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeProductionSecrets } from './productionSecrets.js';

/**
 * `pnpm secrets:production [--add-missing] <dir>`: the files docker-compose.prod.yml mounts as secrets
 * (productionSecrets.ts); with --add-missing, only those of processes added to the service list since.
 */
const USAGE =
  'Usage: pnpm secrets:production [--add-missing] <dir> | --help   (./secrets is the folder docker-compose.prod.yml reads by default;\n' +
  '       --add-missing completes a folder written before, for a subgraph added to the service list since)';

let addMissing: boolean;
let dir: string;
try {
  // `pnpm secrets:production -- <dir>` hands the script its `--` too; parseArgs would take it as the end of the options.
  const given = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: given[0] === '--' ? given.slice(1) : given,
    strict: true,
    allowPositionals: true,
    options: { 'add-missing': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new Error(positionals.length === 0 ? 'no folder given' : `one folder, not ${positionals.length}`);
  addMissing = values['add-missing'] === true;
  // Relative to where `pnpm secrets:production` was typed, not to stack/ where pnpm runs the script.
  dir = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
try {
  const { written, updated } = await writeProductionSecrets(dir, { addMissing });
  if (written.length > 0) console.log(`wrote ${written.length} files to ${dir}: ${written.join(', ')}`);
  if (updated.length > 0) console.log(`updated in ${dir}: ${updated.join(', ')}`);
  if (written.length === 0 && updated.length === 0) console.log(`${dir} already holds every file of the service list; nothing written.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
