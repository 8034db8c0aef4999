import { PrismaPg } from '@prisma/adapter-pg';
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
  // An idle connection the server closes (a restart, a failover, Postgres stopping before us) is
  // reported here; pg has already dropped it and the next query opens a new one. Without a listener
  // the event would crash the process. Errors of a running query still reach that query's caller.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      statements += 1;
      return query(...args);
    };
  });
  return { pool, statements: () => statements };
}

export interface ServiceDatabase<TClient> {
  db: TClient;
  /** SQL statements this client has sent so far. */
  statements(): number;
  /** Resolves when the database answers: what `/ready` reports. */
  ping(): Promise<void>;
  /** Disconnects the client, then ends its pool. */
  close(): Promise<void>;
}

/**
 * A service's Prisma client over a counting pg pool of its own (Prisma 7's driver adapter, no native
 * engine). `createClient` is the service's generated PrismaClient, which only it can construct.
 */
export function openServiceDatabase<TClient extends { $disconnect(): Promise<void> }>(
  connectionString: string,
  createClient: (adapter: PrismaPg) => TClient,
  max = 10,
): ServiceDatabase<TClient> {
  const { pool, statements } = createCountingPool(connectionString, max);
  const db = createClient(new PrismaPg(pool));
  return {
    db,
    statements,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    async close() {
      await db.$disconnect();
      await pool.end();
    },
  };
}
