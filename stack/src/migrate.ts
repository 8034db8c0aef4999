import { migrateServiceDatabases, prepareServiceDatabases } from '@quizgraph/prisma/runtime';
import { CREDENTIAL_HOLDERS, loadOrCreateDevKeyRing } from '@quizgraph/service-kit';
import { loadEnv } from './migrateEnv.js';

/**
 * `pnpm db:migrate`, and the migrate one-shot of a container deployment (`node dist/migrate.mjs`,
 * docker-compose.yml's `migrate`): creates the service
 * databases on DATABASE_SERVER_URL if missing, or takes the three *_DATABASE_URL, and applies their
 * pending migrations (idempotent). In development it first makes the shared development keys.
 */
const log = (line: string) => console.log(`[migrate] ${line}`);
try {
  const env = loadEnv();
  if (env.devKeysDir) {
    log(`development keys in ${env.devKeysDir}`);
    await loadOrCreateDevKeyRing(env.devKeysDir, 'access');
    for (const holder of CREDENTIAL_HOLDERS) await loadOrCreateDevKeyRing(env.devKeysDir, `service-${holder}`);
  }
  if (env.target.kind === 'urls') await migrateServiceDatabases(env.target.urls, log);
  else await prepareServiceDatabases(env.target.serverUrl, 'quizgraph', log);
  log('done');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
