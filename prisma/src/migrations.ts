import { databaseName } from '@quizgraph/topology';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { databaseUrl, ensureDatabase } from './databases.js';
import { SERVICE_NAMES, schemaPaths, type ServiceName } from './paths.js';
import { checkServiceRole, type DatabaseRole, grantServiceRole, prepareServiceRole } from './roles.js';
import { applyMigrations, diffDatamodels } from './schemaEngine.js';

export type DatabaseUrls = Record<ServiceName, string>;

/** The datamodel the newest migration was generated from: the base of the next diff. */
export const SNAPSHOT_FILE = 'schema-at-last-migration.prisma';

/** Database per service: `quizgraph_<name>` for each subgraph of the list (with another prefix for tests). */
export function serviceDatabaseUrls(serverUrl: string, prefix = 'quizgraph'): DatabaseUrls {
  return Object.fromEntries(SERVICE_NAMES.map((s) => [s, databaseUrl(serverUrl, databaseName(s, prefix))])) as DatabaseUrls;
}

/**
 * Creates any missing service database on the server, then brings each up to date; `services` limits
 * both to some of them (the migrate command's `--service`). A database that `roles` names a role for
 * (the role named as the database, from the `database-roles` file) gets that role, which may connect
 * to it alone and use its tables, before it is migrated (prepareServiceRole), and the grants again
 * after. Databases without one are used by the server's own user, as in development.
 */
export async function prepareServiceDatabases(
  serverUrl: string,
  prefix = 'quizgraph',
  log: (line: string) => void = () => undefined,
  services: readonly ServiceName[] = SERVICE_NAMES,
  roles: readonly DatabaseRole[] = [],
): Promise<DatabaseUrls> {
  const urls = serviceDatabaseUrls(serverUrl, prefix);
  const serverUser = decodeURIComponent(new URL(serverUrl).username);
  // Each chosen database with its own role, if the roles name one other than the server's user.
  const targets = services.map((service) => {
    const database = databaseName(service, prefix);
    const role = roles.find((r) => r.name === database && r.name !== serverUser);
    return { service, database, role };
  });
  // Every role first: a refused one leaves everything unchanged, no database created or migrated.
  for (const { role } of targets) if (role) await checkServiceRole(serverUrl, role);
  for (const { service, database, role } of targets) {
    await ensureDatabase(serverUrl, database);
    if (!role) continue;
    await prepareServiceRole(serverUrl, database, role);
    log(`${service}: role ${role.name} may connect to ${database} alone`);
  }
  await migrateServiceDatabases(Object.fromEntries(services.map((s) => [s, urls[s]])), log);
  for (const { database, role } of targets) if (role) await grantServiceRole(serverUrl, database, role);
  return urls;
}

/** Applies the pending migrations of each service given a URL, in the list's order. */
export async function migrateServiceDatabases(urls: Partial<DatabaseUrls>, log: (line: string) => void = () => undefined): Promise<void> {
  for (const service of SERVICE_NAMES) {
    const url = urls[service];
    if (url === undefined) continue;
    const { schema, migrations } = schemaPaths(service);
    const applied = await applyMigrations(url, schema, migrations);
    log(applied.length > 0 ? `${service}: applied ${applied.join(', ')}` : `${service}: up to date`);
  }
}

async function snapshotOf(service: ServiceName): Promise<string | null> {
  const file = join(schemaPaths(service).migrations, SNAPSHOT_FILE);
  return existsSync(file) ? readFile(file, 'utf8') : null;
}

/** The SQL a new migration of `service` would hold: its schema.prisma against the last migration's. */
export async function pendingSchemaChange(serverUrl: string, service: ServiceName): Promise<string> {
  const to = await readFile(schemaPaths(service).schema, 'utf8');
  const sql = await diffDatamodels(serverUrl, await snapshotOf(service), to);
  return sql.trim() === '' || /^-- This is an empty migration\.?\s*$/.test(sql.trim()) ? '' : sql;
}

/** Writes `migrations/<timestamp>_<name>/migration.sql` from the pending change; null when there is none. */
export async function createMigration(serverUrl: string, service: ServiceName, name: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('A migration name is lower-case letters, digits and underscores.');
  const sql = await pendingSchemaChange(serverUrl, service);
  if (sql === '') return null;
  const { schema, migrations } = schemaPaths(service);
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = join(migrations, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'migration.sql'), sql);
  if (!existsSync(join(migrations, 'migration_lock.toml'))) {
    await writeFile(
      join(migrations, 'migration_lock.toml'),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  await writeFile(join(migrations, SNAPSHOT_FILE), await readFile(schema, 'utf8'));
  return folder;
}
