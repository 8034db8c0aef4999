import { classifyWaitError, databaseUrl, ensureDatabase, migrateServiceDatabases, migrationStatus, schemaPaths } from '@quizgraph/prisma';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from './sql.js';
import { freePort } from '../src/processes.js';

/**
 * The migrate command's read-only modes against real Postgres: migrationStatus on databases in each
 * state, then the command itself as a child process (`node --import tsx src/migrate.ts`), its exit
 * codes, and `--wait` as a subgraph's init container runs it.
 */
const STACK_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What the users subgraph ships, read here from its folder rather than through the code under test. */
const SHIPPED = readdirSync(schemaPaths('users').migrations, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let serverUrl = '';
const made: string[] = [];
let secrets = '';

/** A new database name (nothing created yet) and its URL; dropped after the tests. */
function throwawayDatabase() {
  const name = `quizgraph_migrate_${randomUUID().slice(0, 8)}`;
  made.push(name);
  return { name, url: databaseUrl(serverUrl, name) };
}

async function migratedDatabase() {
  const database = throwawayDatabase();
  await ensureDatabase(serverUrl, database.name);
  await migrateServiceDatabases({ users: database.url });
  return database;
}

async function databaseExists(name: string) {
  return (await sql(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
}

/** Records a migration this code does not ship, as a newer release's migrate would have. */
const recordUnknown = (url: string, name: string) =>
  sql(
    url,
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, started_at, applied_steps_count) VALUES ($1, 'x', $2, now(), now(), 1)`,
    [randomUUID(), name],
  );

/** The migrate command as `pnpm db:migrate` runs it, with `env` and nothing inherited but PATH. */
function startMigrate(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/migrate.ts', ...args], {
    cwd: STACK_DIR,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function migrate(args: string[], env: NodeJS.ProcessEnv) {
  const run = startMigrate(args, env);
  return { code: await run.exited, output: run.output() };
}

/** A backend message of the Postgres protocol: its type byte, then its length (itself included) and body. */
function backendMessage(type: string, body: Buffer) {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}

/**
 * Stands in for PgBouncer on a free port, answering each client's startup packet the way it does.
 * `refuse`: an ErrorResponse as its send_pooler_error writes one (severity FATAL, the SQLSTATE, the
 * message, nothing else), then it hangs up. `queue`: it logs the client in (from the parameters it
 * cached) and never answers the query, as when every server connection of the pool is taken.
 * `silent`: not even the login, as when it has no server connection yet to take them from.
 */
async function fakePgBouncer(answer: { refuse: [sqlstate: string, message: string] } | 'queue' | 'silent') {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => {
      if (answer === 'silent') return;
      if (answer === 'queue') {
        socket.write(Buffer.concat([backendMessage('R', Buffer.alloc(4)), backendMessage('Z', Buffer.from('I'))]));
        return;
      }
      const [sqlstate, message] = answer.refuse;
      socket.end(backendMessage('E', Buffer.from(`SFATAL\0C${sqlstate}\0M${message}\0\0`)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `postgresql://users:secret@127.0.0.1:${(server.address() as AddressInfo).port}/quizgraph_users`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

beforeAll(async () => {
  serverUrl = databaseUrl(inject('databaseUrls').users, 'postgres');
  secrets = await mkdtemp(join(tmpdir(), 'quizgraph-migrate-'));
});

afterAll(async () => {
  for (const name of made) await sql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (secrets) await rm(secrets, { recursive: true, force: true });
});

describe('migrationStatus', () => {
  it('finds every shipped migration pending on a database that does not exist, or has none applied, and creates nothing', async () => {
    expect(SHIPPED.length).toBeGreaterThan(1);
    const { name, url } = throwawayDatabase();
    expect(await migrationStatus(url, 'users')).toEqual({ service: 'users', database: 'missing', pending: SHIPPED, unknown: [], failed: [] });
    expect(await databaseExists(name)).toBe(false);
    await ensureDatabase(serverUrl, name);
    expect(await migrationStatus(url, 'users')).toEqual({ service: 'users', database: 'unmigrated', pending: SHIPPED, unknown: [], failed: [] });
    expect((await sql(url, `SELECT to_regclass('_prisma_migrations') AS t`)).rows[0].t).toBeNull();
  });

  it('finds nothing pending once applied; a deleted record makes that migration pending again', async () => {
    const { url } = await migratedDatabase();
    expect(await migrationStatus(url, 'users')).toEqual({ service: 'users', database: 'migrated', pending: [], unknown: [], failed: [] });
    const last = SHIPPED.at(-1)!;
    await sql(url, 'DELETE FROM _prisma_migrations WHERE migration_name = $1', [last]);
    expect(await migrationStatus(url, 'users')).toMatchObject({ pending: [last], failed: [] });
  });

  it('reports a migration the code does not ship without counting it against the database, and an unfinished one as failed', async () => {
    const { url } = await migratedDatabase();
    await recordUnknown(url, '29991231000000_from_a_newer_release');
    expect(await migrationStatus(url, 'users')).toMatchObject({ pending: [], unknown: ['29991231000000_from_a_newer_release'], failed: [] });
    await sql(url, 'UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1', [SHIPPED[0]]);
    expect(await migrationStatus(url, 'users')).toMatchObject({ pending: [], failed: [SHIPPED[0]] });
  });
});

describe('errors on the way to the database, as the driver raises them', () => {
  it('a role Postgres does not know is fatal to --wait; PgBouncer queueing the client is "not yet"', async () => {
    const stranger = new URL(serverUrl);
    stranger.username = `nobody_${randomUUID().slice(0, 8)}`;
    const noRole = await migrationStatus(stranger.href, 'users').catch((error: unknown) => error);
    // 28000 "role … does not exist" under trust; 28P01 where the server asks for a password.
    expect(['28000', '28P01']).toContain((noRole as { code?: string }).code);
    expect(classifyWaitError(noRole)).toBe('fatal');

    // Both wait out the driver's 5 s timeouts, so together.
    const [queued, silent] = [await fakePgBouncer('queue'), await fakePgBouncer('silent')];
    try {
      const [afterLogin, duringLogin] = await Promise.all(
        [queued, silent].map((bouncer) => migrationStatus(bouncer.url, 'users').catch((error: unknown) => error)),
      );
      expect(afterLogin).toMatchObject({ message: 'Query read timeout' });
      expect(duringLogin).toMatchObject({ message: 'timeout expired' });
      expect([classifyWaitError(afterLogin), classifyWaitError(duringLogin)]).toEqual(['retry', 'retry']);
    } finally {
      await Promise.all([queued.close(), silent.close()]);
    }
  });

  it('PgBouncer’s 08P01 is fatal for a wrong password and "not yet" while it cannot log in to Postgres', async () => {
    for (const [message, expected] of [
      ['SASL authentication failed', 'fatal'],
      ['server login has been failing, cached error: connect failed (server_login_retry)', 'retry'],
    ] as const) {
      const bouncer = await fakePgBouncer({ refuse: ['08P01', message] });
      try {
        const error = await migrationStatus(bouncer.url, 'users').catch((thrown: unknown) => thrown);
        expect(error).toMatchObject({ code: '08P01', message });
        expect(classifyWaitError(error), message).toBe(expected);
      } finally {
        await bouncer.close();
      }
    }
  });
});

// Each case starts the command a few times, and each start loads TypeScript through tsx: seconds apiece.
describe('the migrate command', { timeout: 120_000 }, () => {
  it('refuses a wrong command line with exit code 2, before touching any database', async () => {
    const env = { USERS_DATABASE_URL: databaseUrl(serverUrl, 'quizgraph_never_made') };
    for (const [args, message] of [
      [['--dry-run'], /Unknown option '--dry-run'/],
      [['--check', '--wait', '--service', 'users'], /--check and --wait exclude each other/],
      [['--check', '--service', 'accounts'], /--service "accounts" is not a service; the services are users, quizzes, results/],
    ] as const) {
      const result = await migrate([...args], env);
      expect(result, args.join(' ')).toMatchObject({ code: 2 });
      expect(result.output).toMatch(message);
      expect(result.output).toMatch(/Usage: migrate/);
    }
  });

  it('--check: exit 0 when up to date (a newer database too), 3 when something is pending, 1 when the server cannot be reached', async () => {
    const migrated = await migratedDatabase();
    const upToDate = await migrate(['--check', '--service', 'users'], { USERS_DATABASE_URL: migrated.url });
    expect(upToDate, upToDate.output).toMatchObject({ code: 0 });
    expect(upToDate.output).toContain('[migrate] users: up to date');

    await recordUnknown(migrated.url, '29991231000000_from_a_newer_release');
    const newer = await migrate(['--check'], { USERS_DATABASE_URL: migrated.url, MIGRATE_SERVICES: 'users' });
    expect(newer, newer.output).toMatchObject({ code: 0 });
    expect(newer.output).toMatch(/users: up to date; applied but not shipped here .*29991231000000_from_a_newer_release/);

    await sql(migrated.url, 'DELETE FROM _prisma_migrations WHERE migration_name = $1', [SHIPPED[1]]);
    const behind = await migrate(['--check', '--service', 'users'], { USERS_DATABASE_URL: migrated.url });
    expect(behind, behind.output).toMatchObject({ code: 3 });
    expect(behind.output).toContain(`users: pending 1: ${SHIPPED[1]}`);

    // In development too it makes no keys and no database.
    const keys = join(secrets, 'keys');
    const missing = throwawayDatabase();
    const fresh = await migrate(['--check', '--service', 'users'], { USERS_DATABASE_URL: missing.url, QUIZGRAPH_KEYS_DIR: keys });
    expect(fresh, fresh.output).toMatchObject({ code: 3 });
    expect(fresh.output).toContain(`users: the database does not exist yet; pending ${SHIPPED.length}: ${SHIPPED.join(', ')}`);
    expect(await databaseExists(missing.name)).toBe(false);
    await expect(readdir(keys)).rejects.toMatchObject({ code: 'ENOENT' });

    const unreachable = await migrate(['--check', '--service', 'users'], { USERS_DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/x` });
    expect(unreachable, unreachable.output).toMatchObject({ code: 1 });
    expect(unreachable.output).toMatch(/users: cannot read its migrations: .*ECONNREFUSED/);
  });

  it('applies to the chosen services only, needing only their URLs', async () => {
    const database = throwawayDatabase();
    await ensureDatabase(serverUrl, database.name);
    const all = await migrate([], { USERS_DATABASE_URL: database.url });
    expect(all, all.output).toMatchObject({ code: 1 });
    expect(all.output).toMatch(/set all of USERS_DATABASE_URL, QUIZZES_DATABASE_URL, RESULTS_DATABASE_URL/);
    const one = await migrate(['--service', 'users'], { USERS_DATABASE_URL: database.url });
    expect(one, one.output).toMatchObject({ code: 0 });
    expect(one.output).toContain(`users: applied ${SHIPPED.join(', ')}`);
    expect(one.output).not.toMatch(/quizzes|results/);
    expect(await migrationStatus(database.url, 'users')).toMatchObject({ pending: [], failed: [] });
  });

  describe('--wait, as a subgraph’s init container runs it (production, its database URL from a file, no key)', () => {
    const initContainer = async (url: string, timeoutSeconds: number) => {
      const file = join(secrets, `database-url-${randomUUID().slice(0, 8)}`);
      await writeFile(file, `${url}\n`);
      return { NODE_ENV: 'production', USERS_DATABASE_URL_FILE: file, MIGRATE_WAIT_TIMEOUT_SECONDS: String(timeoutSeconds) };
    };

    it('returns 0 once the migrate Job has created and migrated the database it was waiting for', async () => {
      const database = throwawayDatabase();
      const waiting = startMigrate(['--wait', '--service', 'users'], await initContainer(database.url, 60));
      // It has looked at least once and found the database missing: "not yet", not a failure.
      for (let i = 0; i < 200 && !waiting.output().includes('the database does not exist yet'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(waiting.output()).toMatch(/waiting for the migrations .*users: the database does not exist yet/);
      await ensureDatabase(serverUrl, database.name);
      await migrateServiceDatabases({ users: database.url });
      expect(await waiting.exited, waiting.output()).toBe(0);
      expect(waiting.output()).toContain('[migrate] users: up to date');
    });

    it('ends at once with exit 1 when PgBouncer refuses the password, and waits while PgBouncer cannot log in to Postgres', async () => {
      const wrongPassword = await fakePgBouncer({ refuse: ['08P01', 'SASL authentication failed'] });
      const serverDown = await fakePgBouncer({ refuse: ['08P01', 'server login has been failing, cached error: connect failed (server_login_retry)'] });
      try {
        const started = Date.now();
        const refused = await migrate(['--wait', '--service', 'users'], await initContainer(wrongPassword.url, 60));
        expect(refused, refused.output).toMatchObject({ code: 1 });
        expect(refused.output).toContain('users: SASL authentication failed');
        // Its first answer ended it: far from the 60 s it was allowed to wait.
        expect(Date.now() - started).toBeLessThan(30_000);

        const waited = await migrate(['--wait', '--service', 'users'], await initContainer(serverDown.url, 3));
        expect(waited, waited.output).toMatchObject({ code: 3 });
        expect(waited.output).toContain('users: cannot connect yet (server login has been failing');
      } finally {
        await Promise.all([wrongPassword.close(), serverDown.close()]);
      }
    });

    it('gives up with exit 3 at MIGRATE_WAIT_TIMEOUT_SECONDS, naming what is still pending, having created nothing', async () => {
      const database = throwawayDatabase();
      await ensureDatabase(serverUrl, database.name);
      const started = Date.now();
      const result = await migrate(['--wait', '--service', 'users'], await initContainer(database.url, 3));
      expect(result, result.output).toMatchObject({ code: 3 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
      expect(result.output).toContain('gave up waiting after 3 s (MIGRATE_WAIT_TIMEOUT_SECONDS)');
      expect(result.output).toContain(`users: no migration applied yet; pending ${SHIPPED.length}: ${SHIPPED.join(', ')}`);
      expect((await sql(database.url, `SELECT to_regclass('_prisma_migrations') AS t`)).rows[0].t).toBeNull();
    });
  });
});
