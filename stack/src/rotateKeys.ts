import { rotateDevKey } from '@quizgraph/service-kit';
import { loadEnv } from './env.js';

/**
 * `pnpm keys:rotate [access|service]`: adds a new development key that signs from the next start on.
 * Older keys stay in the folder and keep verifying the tokens they signed; delete a key file once its
 * tokens have expired (15 minutes for access tokens, 60 seconds for service credentials).
 */
const purpose = process.argv[2] ?? 'access';
if (purpose !== 'access' && purpose !== 'service') {
  console.error('Usage: pnpm keys:rotate [access|service]');
  process.exit(2);
}
const { keysDir } = loadEnv();
const kid = await rotateDevKey(keysDir, purpose);
console.log(`new ${purpose} key ${kid} in ${keysDir}/${purpose}: restart Quizgraph (pnpm start) for it to sign`);
