import pg from 'pg';

/** One statement on its own connection to `url`, closed afterwards: for tests that set up or look at a database from outside. */
export async function sql(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
