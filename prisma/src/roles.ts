import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { databaseUrl, withAdmin } from './databases.js';

/**
 * A login role of the database server and its password: in production each service database has one
 * of its own (named as its database, `quizgraph_<name>`), which its service connects as, so that a
 * service taken over reads and writes its own tables and nothing else: not another service's database,
 * not the server's files or programs (a superuser can `COPY … TO PROGRAM`).
 */
export interface DatabaseRole {
  name: string;
  password: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The `database-roles` secret file, in PgBouncer's `auth_file` format (it is PgBouncer's userlist.txt
 * as is): one `"name" "password"` line per role, `"` inside a value doubled; blank lines and lines
 * starting with `;` or `#` are ignored. Throws naming the line that is not such a pair.
 */
export function parseDatabaseRoles(text: string, source = 'database roles'): DatabaseRole[] {
  const roles: DatabaseRole[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const match = /^"((?:[^"]|"")*)"\s+"((?:[^"]|"")*)"(?:\s.*)?$/.exec(line);
    if (!match) throw new Error(`${source}, line ${index + 1}: not a "name" "password" pair (PgBouncer's auth_file format).`);
    const name = match[1]!.replaceAll('""', '"');
    const password = match[2]!.replaceAll('""', '"');
    if (password === '') throw new Error(`${source}, line ${index + 1}: role ${name} has an empty password.`);
    if (roles.some((role) => role.name === name)) throw new Error(`${source}, line ${index + 1}: role ${name} is listed twice.`);
    roles.push({ name, password });
  }
  return roles;
}

/** The `database-roles` file's text for these roles (parseDatabaseRoles reads it back). */
export function formatDatabaseRoles(roles: readonly DatabaseRole[]): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return roles.map((role) => `${quote(role.name)} ${quote(role.password)}\n`).join('');
}

const quoteIdentifier = (name: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`Refusing the role or database name ${JSON.stringify(name)} (lower-case letters, digits, _).`);
  return `"${name}"`;
};

/** Holds the roles lock on a connection to the server for the whole of `run`, so concurrent migrate runs change roles and grants one at a time. */
async function withRolesLock<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  return withAdmin(serverUrl, async (client) => {
    await client.query('SELECT pg_catalog.pg_advisory_lock($1::bigint)', [ROLES_LOCK]);
    return run(client); // the lock ends with the connection, whatever happens in `run`
  });
}

/**
 * The privileges a service role holds in its database: reading and writing rows, nothing else. Not
 * TRIGGER (a trigger function of its own would run as whoever next writes the table: the migrating
 * administrator), not TRUNCATE or REFERENCES, which no service uses; not TEMPORARY on the database (a
 * function in pg_temp is the same trap).
 */
const TABLE_PRIVILEGES = 'SELECT, INSERT, UPDATE, DELETE';
const NOT_TABLE_PRIVILEGES = 'TRUNCATE, REFERENCES, TRIGGER';
const SEQUENCE_PRIVILEGES = 'USAGE, SELECT, UPDATE';
/** Prisma's record of the applied migrations: the role reads it (migrate --wait), never writes it. */
const MIGRATIONS_TABLE = '_prisma_migrations';
/** Serialises the role and database-privilege changes of concurrent migrate runs (CREATE ROLE and GRANT on a database race otherwise). */
const ROLES_LOCK = 7_424_061_513;

/** Run with search_path = pg_catalog (withAdmin). Large objects (lo_create is anyone's) run no code, so owning them is allowed. */
const ROLE_STATE = `
  SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls,
         EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid) AS member_of_roles,
         EXISTS (SELECT 1 FROM pg_shdepend d
                 WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = r.oid AND d.deptype = 'o'
                   AND d.classid <> 'pg_largeobject'::regclass) AS owns_objects
  FROM pg_roles r WHERE r.rolname = $1::name`;

/**
 * A SCRAM-SHA-256 verifier of `password` as Postgres stores one (RFC 5802, 7677): the server is given
 * this instead of the password, so the password appears in no statement, log or audit trail. A
 * password outside printable ASCII (where SASLprep could change it) gets undefined, and
 * checkServiceRole refuses it.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string | undefined {
  if (!/^[\x20-\x7e]+$/.test(password)) return undefined;
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** Does the stored verifier (pg_authid.rolpassword) belong to `password`? */
export function verifierMatches(stored: string | null | undefined, password: string): boolean {
  const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(stored ?? '');
  if (!match) return false;
  const again = scramVerifier(password, Buffer.from(match[2]!, 'base64'), Number(match[1]));
  if (again === undefined || again.length !== stored!.length) return false;
  return timingSafeEqual(Buffer.from(again), Buffer.from(stored!));
}

/**
 * Refuses, before anything is changed, a role that is more than a login: SUPERUSER, CREATEDB,
 * CREATEROLE, REPLICATION or BYPASSRLS; a member of any role (pg_read_server_files, rds_superuser, the
 * administrator…); or the owner of anything but large objects, in any database (which also catches a
 * function or operator it planted where everyone may create, such as template1's schema public on an
 * older server). A role that does not exist yet passes.
 */
export async function checkServiceRole(serverUrl: string, role: DatabaseRole): Promise<void> {
  await withAdmin(serverUrl, (client) => checkRoleOn(client, role));
}

/** checkServiceRole on an administrator's connection; whether the role exists. */
async function checkRoleOn(client: pg.Client, role: DatabaseRole): Promise<boolean> {
  quoteIdentifier(role.name);
  if (scramVerifier(role.password) === undefined) {
    throw new Error(`Role ${role.name}: its password must be printable ASCII (it is sent to the server as a SCRAM verifier, never in clear).`);
  }
  const state = (await client.query<Record<string, boolean>>(ROLE_STATE, [role.name])).rows[0];
  const excess = Object.entries(state ?? {})
    .filter(([, held]) => held)
    .map(([attribute]) => (attribute.startsWith('rol') ? attribute.slice(3).toUpperCase() : attribute.replaceAll('_', ' ')));
  if (excess.length > 0) {
    throw new Error(
      `Role ${role.name} is not only a login (${excess.join(', ')}): a service's role must reach its own data alone, so migrate does not use it and changed nothing. ` +
        'Give the service a new role name in its URL and database-roles, or strip the role (ALTER ROLE … NOSUPERUSER, REVOKE … FROM it, REASSIGN OWNED BY it).',
    );
  }
  return state !== undefined;
}

/**
 * Before a service database is migrated, on the server (`serverUrl`, the migrating administrator's),
 * holding the roles lock throughout (concurrent runs would otherwise fail on "tuple concurrently
 * updated"):
 * - the role is checked (checkServiceRole) before anything changes;
 * - it exists and may log in with this password, which is set only when the stored one differs (or
 *   cannot be read, as on a managed server), and sent as a SCRAM verifier, never in clear;
 * - the database lets that role connect (nothing more) and takes CONNECT and TEMPORARY from PUBLIC;
 *   nobody may create objects in its schema `public` (Postgres before 15 let everyone);
 * - in it, every table and sequence the administrator creates from now on is granted to the role, so
 *   a migration's table is granted the moment it exists.
 * Idempotent. Throws, with what to do, when a REVOKE did not take (an administrator that does not own
 * the database or its schema gets only a warning from Postgres).
 */
export async function prepareServiceRole(serverUrl: string, database: string, role: DatabaseRole): Promise<void> {
  const roleName = quoteIdentifier(role.name);
  const databaseName = quoteIdentifier(database);
  await withRolesLock(serverUrl, async (client) => {
    const exists = await checkRoleOn(client, role);
    const password = client.escapeLiteral(scramVerifier(role.password)!);
    if (!exists) {
      await client.query(`CREATE ROLE ${roleName} LOGIN PASSWORD ${password}`);
    } else if (!(await storedVerifierMatches(client, role))) {
      await client.query(`ALTER ROLE ${roleName} WITH LOGIN PASSWORD ${password}`);
    } else {
      await client.query(`ALTER ROLE ${roleName} WITH LOGIN`);
    }
    await client.query(`REVOKE ALL ON DATABASE ${databaseName} FROM PUBLIC`);
    await client.query(`REVOKE ALL ON DATABASE ${databaseName} FROM ${roleName}`);
    await client.query(`GRANT CONNECT ON DATABASE ${databaseName} TO ${roleName}`);
    const open = await client.query("SELECT pg_catalog.has_database_privilege('public', $1::text, 'CONNECT') AS open", [database]);
    if (open.rows[0]?.open) {
      throw new Error(
        `Everyone may still connect to ${database}: the REVOKE did not take, since this user does not own the database. ` +
          `Run migrate as the database's owner, or ALTER DATABASE ${database} OWNER TO the user in DATABASE_SERVER_URL.`,
      );
    }
    await withAdmin(databaseUrl(serverUrl, database), async (client) => {
      await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
      const open = await client.query("SELECT pg_catalog.has_schema_privilege('public', 'public', 'CREATE') AS open");
      if (open.rows[0]?.open) {
        throw new Error(`Everyone may still create objects in ${database}'s schema public: run migrate as the owner of that schema (or the database).`);
      }
      await client.query(`REVOKE CREATE ON SCHEMA public FROM ${roleName}`);
      await client.query(`GRANT USAGE ON SCHEMA public TO ${roleName}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ${NOT_TABLE_PRIVILEGES} ON TABLES FROM ${roleName}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${TABLE_PRIVILEGES} ON TABLES TO ${roleName}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${SEQUENCE_PRIVILEGES} ON SEQUENCES TO ${roleName}`);
      await grantExisting(client, roleName);
    });
  });
}

/** Whether the role's stored password is already this one (false when it cannot be read: pg_authid is for superusers). */
async function storedVerifierMatches(client: pg.Client, role: DatabaseRole): Promise<boolean> {
  try {
    const { rows } = await client.query<{ rolpassword: string | null }>('SELECT rolpassword FROM pg_catalog.pg_authid WHERE rolname = $1::name', [role.name]);
    return verifierMatches(rows[0]?.rolpassword, role.password);
  } catch {
    return false;
  }
}

/** After migrating: what exists in the schema is granted too (tables made before the role was, by another user, or by an older release). */
export async function grantServiceRole(serverUrl: string, database: string, role: DatabaseRole): Promise<void> {
  const roleName = quoteIdentifier(role.name);
  quoteIdentifier(database);
  await withRolesLock(serverUrl, () => withAdmin(databaseUrl(serverUrl, database), (client) => grantExisting(client, roleName)));
}

async function grantExisting(client: pg.Client, roleName: string): Promise<void> {
  await client.query(`REVOKE ${NOT_TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA public FROM ${roleName}`);
  await client.query(`GRANT ${TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA public TO ${roleName}`);
  await client.query(`GRANT ${SEQUENCE_PRIVILEGES} ON ALL SEQUENCES IN SCHEMA public TO ${roleName}`);
  const migrations = await client.query("SELECT pg_catalog.to_regclass('public._prisma_migrations') IS NOT NULL AS present");
  if (migrations.rows[0]?.present) await client.query(`REVOKE INSERT, UPDATE, DELETE ON public."${MIGRATIONS_TABLE}" FROM ${roleName}`);
}
