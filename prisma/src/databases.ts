import pg from 'pg';

/** The URL of database `name` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates the database if it does not exist yet (idempotent, safe to race). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing to create a database named ${JSON.stringify(name)}.`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // pg_catalog alone: nothing planted in a schema anyone may create in resolves the query below.
    await client.query('SET search_path = pg_catalog');
    const { rowCount } = await client.query('SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1::name', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile
      });
    }
  } finally {
    await client.end();
  }
}
