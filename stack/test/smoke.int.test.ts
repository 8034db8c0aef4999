import { expect, inject, test } from 'vitest';
import pg from 'pg';

test('the service databases exist and are migrated', async () => {
  const client = new pg.Client({ connectionString: inject('databaseUrls').results });
  await client.connect();
  const { rows } = await client.query('SELECT count(*)::int AS n FROM _prisma_migrations');
  await client.end();
  expect(rows[0].n).toBeGreaterThan(0);
});
