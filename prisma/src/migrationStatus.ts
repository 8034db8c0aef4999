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
 * errors are thrown, for the caller to report or retry (see classifyWaitError).
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

/** Node's errnos of a server that is not (yet) reachable, or whose name does not resolve yet (a Service being created). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * SQLSTATEs of a server that may accept us later: 57P01–57P03 (shutting down, or starting up:
 * "cannot connect now"), 53300 (too many connections), 3D000 (the database is not created yet).
 * Class 08 (connection exception) is too, apart from PgBouncer's refusals below.
 */
const NOT_YET = /^(?:08[0-9A-Z]{3}|57P0[1-3]|53300|3D000)$/;

/**
 * PgBouncer answers every refusal of its own with SQLSTATE 08P01 (its send_pooler_error default), so
 * a wrong password through it looks like a dropped connection by code alone. These are the ones
 * about the client's own login or startup packet (src/client.c, src/objects.c of PgBouncer), which
 * waiting will not fix. Anchored at the start: "server login has been failing, cached error: …
 * (server_login_retry)" quotes the server's error after its own words, and is PgBouncer's failing
 * connection to Postgres, which may come back.
 */
const PGBOUNCER_REFUSES_CLIENT =
  /^(?:SASL authentication failed|password authentication failed|no such user|login rejected|"trust" authentication failed|certificate authentication failed|PAM authentication failed|LDAP authentication failed|client selected an invalid SASL authentication mechanism|empty password returned by client|no authentication method is found|SSL required|no username supplied|unsupported startup parameter|unsupported options startup parameter|no such database: )/;

/**
 * The pg driver's own errors, which carry no SQLSTATE: its connection timeout ("timeout expired"),
 * its query_timeout ("Query read timeout", which is what a client queued by PgBouncer for a full pool
 * gets), and a server that hangs up ("Connection terminated unexpectedly", "… due to connection timeout").
 */
const DRIVER_NOT_YET = /^(?:timeout expired|Query read timeout|Connection terminated)/;

/**
 * What `--wait` does with an error from migrationStatus: 'retry' when the database server cannot be
 * reached or does not accept connections yet (starting, shutting down, full, its name not resolving
 * yet, PgBouncer unable to log in to it or queueing us), 'fatal' for what waiting will not fix: a wrong
 * password (28P01, or PgBouncer's 08P01 "SASL authentication failed"), a role that may not log in
 * (28000), a missing permission, an image without its migrations, and anything not known to pass.
 */
export function classifyWaitError(error: unknown): 'retry' | 'fatal' {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string') {
    if (UNREACHABLE.has(code)) return 'retry';
    if (code === '08P01' && PGBOUNCER_REFUSES_CLIENT.test(text)) return 'fatal';
    return NOT_YET.test(code) ? 'retry' : 'fatal';
  }
  return DRIVER_NOT_YET.test(text) ? 'retry' : 'fatal';
}
