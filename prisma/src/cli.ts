import { generateClients } from './generate.js';
import { createMigration, pendingSchemaChange } from './migrations.js';
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
  new-migration <service> <name>    write a migration from the changes to <service>'s schema.prisma
  check                             fail if a schema.prisma has changes no migration holds`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      generateClients();
      return;
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
