import {
  checkServiceRole,
  databaseUrl,
  formatDatabaseRoles,
  grantServiceRole,
  parseDatabaseRoles,
  prepareServiceDatabases,
  prepareServiceRole,
  SERVICE_NAMES,
  verifierMatches,
} from '@quizgraph/prisma';
import { databaseName } from '@quizgraph/topology';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from './sql.js';

/**
 * Each service database's own login role (prisma/src/roles.ts), as the migrate command makes them from
 * the `database-roles` secret, on real Postgres: the role reads and writes its own tables, and cannot
 * reach another service's database, change its schema, or do what a superuser does.
 */
let serverUrl = '';
const prefix = `qgroles_${randomUUID().slice(0, 8)}`;
const password = () => randomBytes(18).toString('base64url');
const made: string[] = [];
const roles = SERVICE_NAMES.map((service) => ({ name: databaseName(service, prefix), password: password() }));
const [first, second] = SERVICE_NAMES as unknown as [string, string];
const roleOf = (service: string) => roles.find((role) => role.name === databaseName(service as never, prefix))!;

/** The URL of `database` logged in as `role`. */
function asRole(role: { name: string; password: string }, database: string): string {
  const url = new URL(databaseUrl(serverUrl, database));
  url.username = role.name;
  url.password = role.password;
  return url.toString();
}

async function firstColumn(client: pg.Client, table: string): Promise<string> {
  const { rows } = await client.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position LIMIT 1",
    [table],
  );
  return `"${rows[0]!.column_name}"`;
}

beforeAll(async () => {
  serverUrl = databaseUrl(inject('databaseUrls').users, 'postgres');
  // One of the roles exists already (an earlier release made it, or a second migrate raced the first).
  await sql(serverUrl, `CREATE ROLE "${roles[0]!.name}" LOGIN PASSWORD 'an old password'`);
  await prepareServiceDatabases(serverUrl, prefix, () => undefined, SERVICE_NAMES, [...roles, { name: 'someone_else', password: 'x' }]);
}, 120_000);

afterAll(async () => {
  for (const database of [...SERVICE_NAMES.map((service) => databaseName(service, prefix)), ...made]) {
    await sql(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
  for (const role of [...roles, ...['superuser', 'member', 'owner', 'intruder'].map((r) => ({ name: `${prefix}_${r}` }))]) {
    await sql(serverUrl, `DROP ROLE IF EXISTS "${role.name}"`);
  }
});

describe('a service database’s own role', () => {
  it('logs in with the password of the roles file (an existing role’s too) and uses its tables', async () => {
    for (const service of SERVICE_NAMES) {
      const url = asRole(roleOf(service), databaseName(service, prefix));
      const { rows } = await sql(url, 'SELECT current_user, count(*)::int AS migrations FROM _prisma_migrations');
      expect(rows[0], service).toMatchObject({ current_user: roleOf(service).name });
      expect(rows[0]!.migrations, service).toBeGreaterThan(0);
    }
    // Reads and writes its data: a table of the first service, in a transaction rolled back.
    const url = asRole(roleOf(first), databaseName(first as never, prefix));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1 LIMIT 1",
      );
      const table = rows[0]!.table_name;
      await client.query('BEGIN');
      await client.query(`SELECT * FROM "${table}" LIMIT 1 FOR UPDATE`);
      await client.query(`UPDATE "${table}" SET ${await firstColumn(client, table)} = ${await firstColumn(client, table)} WHERE false`);
      await client.query(`DELETE FROM "${table}" WHERE false`);
      await client.query('ROLLBACK');
      // Not its schema: no new table, no dropped one, no truncation.
      await expect(client.query('CREATE TABLE intruder (id int)')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`DROP TABLE "${table}"`)).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`TRUNCATE "${table}"`)).rejects.toMatchObject({ code: '42501' });
      // No trap for the administrator: a trigger, or a function in pg_temp for one, would run as whoever
      // next writes the table (the migrating superuser) and could make the role a superuser.
      await expect(client.query('CREATE FUNCTION pg_temp.trap() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(
        client.query(`CREATE TRIGGER trap BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()`),
      ).rejects.toMatchObject({
        code: '42501',
      });
      // The migration history is read (migrate --wait) and never written: a forged row would skip a migration.
      await expect(client.query('DELETE FROM _prisma_migrations')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query("UPDATE _prisma_migrations SET migration_name = 'x' WHERE false")).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
  });

  it('cannot connect to another service’s database', async () => {
    await expect(sql(asRole(roleOf(first), databaseName(second as never, prefix)), 'SELECT 1')).rejects.toMatchObject({ code: '42501' });
    await expect(sql(asRole(roleOf(second), databaseName(first as never, prefix)), 'SELECT 1')).rejects.toMatchObject({ code: '42501' });
  });

  it('is no superuser: no server programs or files, no roles, no databases', async () => {
    const url = asRole(roleOf(first), databaseName(first as never, prefix));
    await expect(sql(url, "COPY (SELECT 1) TO PROGRAM 'true'")).rejects.toMatchObject({ code: '42501' });
    await expect(sql(url, "SELECT pg_read_file('postgresql.conf')")).rejects.toMatchObject({ code: '42501' });
    await expect(sql(url, 'CREATE ROLE intruder')).rejects.toMatchObject({ code: '42501' });
    await expect(sql(url, 'CREATE DATABASE intruder')).rejects.toMatchObject({ code: '42501' });
  });

  it('a second run changes nothing but a changed password, and a table made later is granted too', async () => {
    const role = roleOf(first);
    const database = databaseName(first as never, prefix);
    const changed = { ...role, password: password() };
    const stored = async () => (await sql(serverUrl, 'SELECT rolpassword FROM pg_authid WHERE rolname = $1', [role.name])).rows[0]!.rolpassword as string;
    const before = await stored();
    expect(verifierMatches(before, role.password)).toBe(true);
    // The same password again: nothing is set (the stored verifier stays as it was).
    await prepareServiceDatabases(serverUrl, prefix, () => undefined, [first as never], [role]);
    expect(await stored()).toBe(before);
    await prepareServiceDatabases(serverUrl, prefix, () => undefined, [first as never], [changed]);
    expect(await stored()).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(verifierMatches(await stored(), changed.password)).toBe(true);
    expect(verifierMatches(await stored(), role.password)).toBe(false);
    // A server that trusts every local connection (TEST_POSTGRES_URL may name one) checks no password.
    const trusting = (await sql(serverUrl, "SELECT 1 FROM pg_hba_file_rules WHERE type = 'host' AND auth_method = 'trust'")).rowCount! > 0;
    if (!trusting) await expect(sql(asRole(role, database), 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
    await sql(asRole(changed, database), 'SELECT 1');
    role.password = changed.password;
    // A table the migrating user makes after the role exists: granted at once (default privileges).
    await sql(databaseUrl(serverUrl, database), 'CREATE TABLE later (id serial PRIMARY KEY)');
    await sql(asRole(role, database), 'INSERT INTO later DEFAULT VALUES');
    await grantServiceRole(serverUrl, database, role);
  });

  it('refuses a role that is a superuser, may make roles or databases, is a member of a role, or owns something, rather than use it', async () => {
    const database = databaseName(first as never, prefix);
    const name = `${prefix}_superuser`;
    await sql(serverUrl, `CREATE ROLE "${name}" SUPERUSER CREATEDB NOLOGIN`);
    await expect(prepareServiceRole(serverUrl, database, { name, password: 'x' })).rejects.toThrow(
      new RegExp(`Role ${name} is not only a login \\(SUPER, CREATEDB\\)`),
    );
    // Refused before anything changed: it still may not log in, and has no password.
    expect((await sql(serverUrl, 'SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = $1', [name])).rows[0]).toEqual({
      rolcanlogin: false,
      rolpassword: null,
    });
    const member = `${prefix}_member`;
    await sql(serverUrl, `CREATE ROLE "${member}" LOGIN IN ROLE pg_read_server_files`);
    await expect(prepareServiceRole(serverUrl, database, { name: member, password: 'x' })).rejects.toThrow(/is not only a login \(member of roles\)/);
    const owner = `${prefix}_owner`;
    await sql(serverUrl, `CREATE ROLE "${owner}" LOGIN`);
    await sql(serverUrl, `ALTER DATABASE "${database}" OWNER TO "${owner}"`);
    await expect(prepareServiceRole(serverUrl, database, { name: owner, password: 'x' })).rejects.toThrow(/is not only a login \(owns objects\)/);
    await sql(serverUrl, `ALTER DATABASE "${database}" OWNER TO CURRENT_USER`);
  });

  it('migrate runs at once all succeed (CREATE ROLE, GRANT on a database and default privileges would race)', async () => {
    const database = databaseName(second as never, prefix);
    const twin = { name: `${prefix}_twin`, password: password() };
    // Each run as migrate makes it: the role prepared, then (after the migrations) granted again. A
    // grant alone could come first and find no role yet, which no migrate run does.
    const migrateRun = async () => {
      await prepareServiceRole(serverUrl, database, twin);
      await grantServiceRole(serverUrl, database, twin);
    };
    for (let round = 0; round < 3; round++) await Promise.all([1, 2, 3, 4, 5, 6].map(migrateRun));
    await sql(asRole(twin, database), 'SELECT 1');
    await sql(databaseUrl(serverUrl, database), `DROP OWNED BY "${twin.name}"`);
    await sql(serverUrl, `DROP ROLE "${twin.name}"`);
  });

  it('runs nothing another role planted where everyone may create (Postgres 14 and older): the administrator’s search_path is pg_catalog', async () => {
    // A server database as an old server has it: schema public open to everyone, and an intruder's
    // function there that an untyped parameter would prefer to pg_catalog's pg_advisory_lock(bigint).
    const admin = `${prefix}_admin`;
    await sql(serverUrl, `CREATE DATABASE "${admin}"`);
    made.push(admin);
    const adminUrl = databaseUrl(serverUrl, admin);
    await sql(adminUrl, 'GRANT CREATE ON SCHEMA public TO PUBLIC');
    await sql(serverUrl, `CREATE ROLE "${prefix}_intruder" LOGIN PASSWORD 'intruder'`);
    const intruder = new URL(adminUrl);
    intruder.username = `${prefix}_intruder`;
    intruder.password = 'intruder';
    for (const signature of ['pg_advisory_lock(text)', 'has_database_privilege(text, text, text)']) {
      await sql(
        intruder.toString(),
        `CREATE FUNCTION public.${signature} RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'planted function ran as %', current_user; END $$`,
      );
    }
    const database = databaseName(second as never, prefix);
    await expect(prepareServiceRole(adminUrl, database, roleOf(second))).resolves.toBeUndefined();
    await sql(adminUrl, `DROP OWNED BY "${prefix}_intruder"`);
  });

  it('lets a role own large objects (lo_create is everyone’s; they run no code), so a service cannot stop migrate with one', async () => {
    const database = databaseName(first as never, prefix);
    await sql(asRole(roleOf(first), database), 'SELECT lo_create(0)');
    await expect(prepareServiceRole(serverUrl, database, roleOf(first))).resolves.toBeUndefined();
  });

  it('refuses a password outside printable ASCII, which could not go to the server as a verifier', async () => {
    await expect(checkServiceRole(serverUrl, { name: `${prefix}_accents`, password: 'mot-de-passe-été' })).rejects.toThrow(/must be printable ASCII/);
  });

  it('nobody else may connect to the database or create objects in its schema', async () => {
    for (const service of SERVICE_NAMES) {
      const database = databaseName(service, prefix);
      const { rows } = await sql(
        databaseUrl(serverUrl, database),
        "SELECT has_database_privilege('public', current_database(), 'CONNECT') AS connect, has_database_privilege('public', current_database(), 'TEMPORARY') AS temporary, has_schema_privilege('public', 'public', 'CREATE') AS create",
      );
      expect(rows[0], service).toEqual({ connect: false, temporary: false, create: false });
    }
  });
});

describe('the roles file', () => {
  it('is PgBouncer’s auth_file format, read back as written, quotes doubled', () => {
    const written = [
      { name: 'postgres', password: 'p"w' },
      { name: 'quizgraph_users', password: 'abc' },
    ];
    const text = formatDatabaseRoles(written);
    expect(text).toBe('"postgres" "p""w"\n"quizgraph_users" "abc"\n');
    expect(parseDatabaseRoles(`; a comment\n\n${text}`)).toEqual(written);
  });

  it('names the line that is not a pair, a role listed twice, or an empty password', () => {
    expect(() => parseDatabaseRoles('"postgres" "pw"\npostgres pw\n', 'database-roles')).toThrow(/database-roles, line 2: not a "name" "password" pair/);
    expect(() => parseDatabaseRoles('"a" "x"\n"a" "y"\n')).toThrow(/line 2: role a is listed twice/);
    expect(() => parseDatabaseRoles('"a" ""\n')).toThrow(/line 1: role a has an empty password/);
  });
});
