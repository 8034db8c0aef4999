import pg from 'pg';
import { databaseUrl } from './databases.js';

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

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The privileges a service role holds in its database: its data, never its schema. */
const TABLE_PRIVILEGES = 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER';
const SEQUENCE_PRIVILEGES = 'USAGE, SELECT, UPDATE';

/**
 * Before a service database is migrated, on the server (`serverUrl`, the migrating superuser's): the
 * role exists with this password and may log in, and nothing more (no superuser, no CREATEDB,
 * CREATEROLE, REPLICATION or BYPASSRLS: a role found with any of them is refused, not altered, since
 * a managed server's administrator may not change those); the database `database` (which exists)
 * lets that role connect and nobody else but superusers; and in it, every table and sequence the
 * migrating user creates from now on is granted to the role, so the grants are there as soon as a
 * migration's table is. Idempotent: a second run changes nothing but the password, which it sets
 * again (so a changed password in the secret file takes effect at the next migrate).
 */
export async function prepareServiceRole(serverUrl: string, database: string, role: DatabaseRole): Promise<void> {
  const roleName = quoteIdentifier(role.name);
  const databaseName = quoteIdentifier(database);
  await withClient(serverUrl, async (client) => {
    const password = client.escapeLiteral(role.password);
    const existing = await client.query<Record<string, boolean>>(
      'SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [role.name],
    );
    let attributes = existing.rows[0];
    if (attributes === undefined) {
      try {
        await client.query(`CREATE ROLE ${roleName} LOGIN PASSWORD ${password}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '42710') throw error; // created meanwhile
      }
      attributes = (
        await client.query<Record<string, boolean>>(
          'SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = $1',
          [role.name],
        )
      ).rows[0];
    }
    const excess = Object.entries(attributes ?? {})
      .filter(([, granted]) => granted)
      .map(([attribute]) => attribute.replace(/^rol/, '').toUpperCase());
    if (excess.length > 0) {
      throw new Error(
        `Role ${role.name} has ${excess.join(', ')}: a service's role must hold only its own database. Remove the attribute (ALTER ROLE ${role.name} NO${excess[0]}) or give the service another role.`,
      );
    }
    await client.query(`ALTER ROLE ${roleName} WITH LOGIN PASSWORD ${password}`);
    await client.query(`REVOKE ALL ON DATABASE ${databaseName} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${databaseName} TO ${roleName}`);
  });
  await withClient(databaseUrl(serverUrl, database), async (client) => {
    await client.query(`GRANT USAGE ON SCHEMA public TO ${roleName}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${TABLE_PRIVILEGES} ON TABLES TO ${roleName}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${SEQUENCE_PRIVILEGES} ON SEQUENCES TO ${roleName}`);
    await grantExisting(client, roleName);
  });
}

/** After migrating: what exists in the schema is granted too (tables made before the role was, by another user, or by an older release). */
export async function grantServiceRole(serverUrl: string, database: string, role: DatabaseRole): Promise<void> {
  const roleName = quoteIdentifier(role.name);
  quoteIdentifier(database);
  await withClient(databaseUrl(serverUrl, database), (client) => grantExisting(client, roleName));
}

async function grantExisting(client: pg.Client, roleName: string): Promise<void> {
  await client.query(`GRANT ${TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA public TO ${roleName}`);
  await client.query(`GRANT ${SEQUENCE_PRIVILEGES} ON ALL SEQUENCES IN SCHEMA public TO ${roleName}`);
}
