import { type DatabaseUrls, migrateServiceDatabases, prepareServiceDatabases, serviceDatabaseUrls } from '@quizgraph/prisma/runtime';
import { CREDENTIAL_HOLDERS, loadOrCreateDevKeyRing, loadOrCreateDevRouterToken } from '@quizgraph/service-kit';
import { checkMigrations, waitForMigrations } from './migrationCheck.js';
import { loadCommand, MigrateUsageError } from './migrateEnv.js';

/**
 * `pnpm db:migrate`, and the migrate one-shot of a container deployment (`node dist/migrate.mjs`,
 * docker-compose.yml's `migrate`): creates the service databases on DATABASE_SERVER_URL if missing,
 * or takes their *_DATABASE_URL, and applies their pending migrations (idempotent). In development it
 * first makes the shared development keys and router token.
 *
 * `--check` and `--wait` change nothing: they compare each database's `_prisma_migrations` with the
 * migrations this code ships, once or until they match; `--service <name>` limits any mode to some
 * services. Exit codes: 0 done or up to date, 1 an error (such as a database that cannot be reached
 * by --check), 2 a wrong command line, 3 migrations pending or failed (--check), or still so at the
 * timeout (--wait).
 */
const EXIT_ERROR = 1;
const EXIT_USAGE = 2;
const EXIT_NOT_MIGRATED = 3;

const log = (line: string) => console.log(`[migrate] ${line}`);
try {
  const env = loadCommand();
  const { target } = env;
  // On a server: the databases `apply` creates there. A check only reads them (a missing one is pending).
  const urls: Partial<DatabaseUrls> =
    target.kind === 'urls' ? target.urls : Object.fromEntries(env.services.map((service) => [service, serviceDatabaseUrls(target.serverUrl)[service]]));
  if (env.mode === 'check') {
    const result = await checkMigrations(urls, log);
    process.exitCode = result === 'error' ? EXIT_ERROR : result === 'behind' ? EXIT_NOT_MIGRATED : 0;
  } else if (env.mode === 'wait') {
    const migrated = await waitForMigrations(urls, { timeoutMs: env.waitTimeoutSeconds * 1000 }, log);
    process.exitCode = migrated ? 0 : EXIT_NOT_MIGRATED;
  } else {
    if (env.devKeysDir) {
      log(`development keys in ${env.devKeysDir}`);
      await loadOrCreateDevKeyRing(env.devKeysDir, 'access');
      for (const holder of CREDENTIAL_HOLDERS) await loadOrCreateDevKeyRing(env.devKeysDir, `service-${holder}`);
      // The token a standard router presents to the subgraphs (docker-compose.yml's hive-gateway profile).
      await loadOrCreateDevRouterToken(env.devKeysDir);
    }
    if (target.kind === 'urls') await migrateServiceDatabases(target.urls, log);
    else await prepareServiceDatabases(target.serverUrl, 'quizgraph', log, env.services, env.roles);
    log('done');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof MigrateUsageError ? EXIT_USAGE : EXIT_ERROR);
}
