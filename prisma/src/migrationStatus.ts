import { existsSync } from 'node:fs';
import pg from 'pg';
import { schemaPaths, type ServiceName } from './paths.js';
import { shippedMigrationNames } from './schemaEngine.js';

/** A row of `_prisma_migrations`, as much of it as says whether its migration holds. */
export interface RecordedMigration {
  name: string;
  /** `finished_at` is set: the engine applied all of it. */
  finished: boolean;
  /** `rolled_back_at` is set: an operator marked it rolled back (`prisma migrate resolve`), so it counts as not applied. */
  rolledBack: boolean;
}

export interface MigrationComparison {
  /** Shipped, not applied: what the migrate command would apply, in order. */
  pending: string[];
  /**
   * Applied but not shipped: the database is newer than this code. Normal for an old pod while a newer
   * release migrates (migrations only add), so it is reported, not refused.
   */
  unknown: string[];
  /**
   * Started, neither finished nor rolled back: a migration that failed (the engine refuses to apply
   * anything after it until an operator resolves it), or one being applied right now.
   */
  failed: string[];
}

/** Compares the shipped migration folders with the database's records of them. */
export function compareMigrations(shipped: readonly string[], recorded: readonly RecordedMigration[]): MigrationComparison {
  const live = recorded.filter((r) => !r.rolledBack);
  const applied = new Set(live.filter((r) => r.finished).map((r) => r.name));
  const failed = [...new Set(live.filter((r) => !r.finished).map((r) => r.name))].sort();
  const shippedSet = new Set(shipped);
  return {
    // A failed one is listed as failed only: applying again is not what it needs.
    pending: shipped.filter((name) => !applied.has(name) && !failed.includes(name)),
    unknown: [...applied].filter((name) => !shippedSet.has(name)).sort(),
    failed,
  };
}

/** Nothing pending and nothing failed: a service of this code may start on the database. */
export function isUpToDate(comparison: MigrationComparison): boolean {
  return comparison.pending.length === 0 && comparison.failed.length === 0;
}

export interface MigrationStatus extends MigrationComparison {
  service: ServiceName;
  /**
   * `missing`: the database does not exist (yet); `unmigrated`: it has no `_prisma_migrations` table,
   * so nothing was ever applied; `migrated`: the table was read. In the first two every migration is pending.
   */
  database: 'missing' | 'unmigrated' | 'migrated';
}

const UNDEFINED_TABLE = '42P01';
const INVALID_CATALOG_NAME = '3D000';

/**
 * How far the database at `connectionString` is from `service`'s shipped migrations, read from its
 * `_prisma_migrations` without changing anything (no database or table is created). Connection
 * errors are thrown, for the caller to report or retry (see isConnectionError).
 */
export async function migrationStatus(
  connectionString: string,
  service: ServiceName,
  migrationsDir = schemaPaths(service).migrations,
): Promise<MigrationStatus> {
  // The apply path tolerates a missing folder (no migrations yet); a check must not, or an image that
  // lost its migrations would pass every database as up to date.
  if (!existsSync(migrationsDir)) throw new Error(`${service}: no migrations folder at ${migrationsDir}`);
  const shipped = await shippedMigrationNames(migrationsDir);
  const status = (database: MigrationStatus['database'], recorded: RecordedMigration[]): MigrationStatus => ({
    service,
    database,
    ...compareMigrations(shipped, recorded),
  });
  // Bounded, so that a wait loop polling an unreachable host gets an answer every few seconds.
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, query_timeout: 5_000 });
  // A connection the server drops between statements must fail the query, not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code === INVALID_CATALOG_NAME) return status('missing', []);
    throw error;
  }
  try {
    const { rows } = await client.query<RecordedMigration>(
      'SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack" FROM _prisma_migrations',
    );
    return status('migrated', rows);
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return status('unmigrated', []);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Network errnos of a server that is not (yet) reachable. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * An error that says the database server cannot be reached or does not accept connections yet (it
 * is starting, shutting down, full, or a pooler in front of it cannot log in yet), as opposed to a
 * wrong password, a missing permission or a broken image, which waiting will not fix.
 */
export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (UNREACHABLE.has(code)) return true;
    // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutting down, cannot connect now), 53300 (too many connections).
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
  }
  // pg's own: its connection timeout, and a server that hangs up mid-handshake.
  return typeof message === 'string' && /timeout expired|Connection terminated/i.test(message);
}
