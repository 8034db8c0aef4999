import pg from 'pg';

/** The URL of database `name` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A connection as the server's administrator. Its search_path is pg_catalog alone, before anything
 * else runs: on a server where everyone may create objects in schema public (Postgres 14 and older, or
 * upgraded from one), a service role could otherwise plant a `public.pg_advisory_lock(text)` or an
 * operator that an untyped parameter prefers, and have the administrator run it.
 */
export async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET search_path = pg_catalog');
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates the database if it does not exist yet (idempotent, safe to race). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing to create a database named ${JSON.stringify(name)}.`);
  await withAdmin(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1::name', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile
      });
    }
  });
}
