import { CREDENTIAL_HOLDERS, rotateDevKey } from '@quizgraph/service-kit';
import { loadEnv } from './env.js';

/**
 * `pnpm keys:rotate [access|service-router|service-users|service-quizzes|service-results]`: adds a new
 * development key that signs from the next start on (access tokens, or one process's service
 * credentials). Older keys stay in the folder and keep verifying the tokens they signed; delete a key
 * file once its tokens have expired (15 minutes for access tokens, 60 seconds for service credentials).
 */
const PURPOSES = ['access', ...CREDENTIAL_HOLDERS.map((holder) => `service-${holder}`)];
const purpose = process.argv[2] ?? 'access';
if (!PURPOSES.includes(purpose)) {
  console.error(`Usage: pnpm keys:rotate [${PURPOSES.join('|')}]`);
  process.exit(2);
}
const { keysDir } = loadEnv();
const kid = await rotateDevKey(keysDir, purpose);
console.log(`new ${purpose} key ${kid} in ${keysDir}/${purpose}: restart Quizgraph (pnpm start) for it to sign`);
