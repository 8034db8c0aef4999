import { generateClients } from './generate.js';
import { createMigration, migrateServiceDatabases, pendingSchemaChange, prepareServiceDatabases } from './migrations.js';
import { startEmbeddedPostgres } from './embeddedPostgres.js';
import { DATA_DIR, isServiceName, SERVICE_NAMES } from './paths.js';
import { join } from 'node:path';

/** The schema engine needs a live server even to diff two datamodels: DATABASE_SERVER_URL, or a throwaway embedded one. */
async function withServer<T>(run: (serverUrl: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_SERVER_URL) return run(process.env.DATABASE_SERVER_URL);
  const server = await startEmbeddedPostgres({ dir: join(DATA_DIR, 'tooling-postgres'), port: 0 });
  try {
    return await run(server.adminUrl);
  } finally {
    await server.stop();
  }
}

const USAGE = `Usage:
  generate                          generate every subgraph's Prisma client
  migrate                           apply pending migrations to the databases in
                                    USERS_DATABASE_URL, QUIZZES_DATABASE_URL, RESULTS_DATABASE_URL,
                                    or create and migrate all three on DATABASE_SERVER_URL
  new-migration <service> <name>    write a migration from the changes to <service>'s schema.prisma
  check                             fail if a schema.prisma has changes no migration holds`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      generateClients();
      return;
    case 'migrate': {
      const env = process.env;
      if (env.USERS_DATABASE_URL && env.QUIZZES_DATABASE_URL && env.RESULTS_DATABASE_URL) {
        await migrateServiceDatabases(
          { users: env.USERS_DATABASE_URL, quizzes: env.QUIZZES_DATABASE_URL, results: env.RESULTS_DATABASE_URL },
          console.log,
        );
      } else if (env.DATABASE_SERVER_URL) {
        await prepareServiceDatabases(env.DATABASE_SERVER_URL, 'quizgraph', console.log);
      } else {
        throw new Error(
          'Set USERS_DATABASE_URL, QUIZZES_DATABASE_URL and RESULTS_DATABASE_URL, or DATABASE_SERVER_URL. ' +
            '(`pnpm start` migrates its embedded Postgres by itself.)',
        );
      }
      return;
    }
    case 'new-migration': {
      const [service, name] = rest;
      if (!service || !isServiceName(service) || !name) throw new Error(USAGE);
      const folder = await withServer((url) => createMigration(url, service, name));
      console.log(folder ? `wrote ${folder}/migration.sql: review it, then commit it` : `${service}: schema.prisma has no changes to migrate`);
      return;
    }
    case 'check': {
      const stale: string[] = [];
      await withServer(async (url) => {
        for (const service of SERVICE_NAMES) if ((await pendingSchemaChange(url, service)) !== '') stale.push(service);
      });
      if (stale.length > 0) {
        throw new Error(`schema.prisma of ${stale.join(', ')} has changes without a migration: run pnpm db:new-migration <service> <name>.`);
      }
      console.log('every schema.prisma matches its migrations');
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
