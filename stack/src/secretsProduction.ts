import { resolve } from 'node:path';
import { writeProductionSecrets } from './productionSecrets.js';

/** `pnpm secrets:production <dir>`: the files docker-compose.prod.yml mounts as secrets (productionSecrets.ts). */
// Relative to where `pnpm secrets:production` was typed, not to stack/ where pnpm runs the script.
const dir = process.argv[2] && resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2]);
if (!dir) {
  console.error('Usage: pnpm secrets:production <dir>   (./secrets is the folder docker-compose.prod.yml reads by default)');
  process.exit(2);
}
try {
  const names = await writeProductionSecrets(dir);
  console.log(`wrote ${names.length} files to ${dir}: ${names.join(', ')}`);
} catch (error) {
  const existing = (error as NodeJS.ErrnoException).code === 'EEXIST';
  console.error(existing ? `${dir} already holds production secrets, which are never overwritten (${(error as Error).message}).` : error);
  process.exit(1);
}
