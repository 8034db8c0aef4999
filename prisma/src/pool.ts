import pg from 'pg';

export interface CountingPool {
  pool: pg.Pool;
  /** SQL statements sent so far: how tests prove that a request's cost does not grow with list sizes. */
  statements(): number;
}

/** A pg pool that counts every statement its connections send. */
export function createCountingPool(connectionString: string, max = 10): CountingPool {
  let statements = 0;
  const pool = new pg.Pool({ connectionString, max });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      statements += 1;
      return query(...args);
    };
  });
  return { pool, statements: () => statements };
}
