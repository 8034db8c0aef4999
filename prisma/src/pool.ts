import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { endStatementSpan, startStatementSpan } from './tracing.js';

export interface CountingPool {
  pool: pg.Pool;
  /** SQL statements sent so far: how tests prove that a request's cost does not grow with list sizes. */
  statements(): number;
}

/**
 * How long the database may take: every service's pool and Prisma client get these, so that a slow
 * statement or a stuck transaction fails on its own instead of holding a connection (and the request
 * that waits for it) indefinitely. Calls that need longer pass their own `$transaction` options.
 */
export interface DatabaseTimeouts {
  /** Postgres `statement_timeout` of every connection: a statement running longer is cancelled (57014). 0: none. */
  statementTimeoutMs: number;
  /** Prisma's default limit of an interactive transaction (`$transaction(fn)`), from its start to its commit. */
  transactionTimeoutMs: number;
  /** Prisma's default wait for a connection to start an interactive transaction on. */
  transactionMaxWaitMs: number;
}

/** Nothing a client waits for (the router gives a subgraph 10 s) should run longer. */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementTimeoutMs: 10_000,
  transactionTimeoutMs: 10_000,
  transactionMaxWaitMs: 5_000,
};

const TIMEOUT_VARIABLES = {
  statementTimeoutMs: ['DATABASE_STATEMENT_TIMEOUT_MS', 0],
  transactionTimeoutMs: ['DATABASE_TRANSACTION_TIMEOUT_MS', 100],
  transactionMaxWaitMs: ['DATABASE_TRANSACTION_MAX_WAIT_MS', 100],
} as const;

/**
 * The timeouts from `DATABASE_STATEMENT_TIMEOUT_MS`, `DATABASE_TRANSACTION_TIMEOUT_MS` and
 * `DATABASE_TRANSACTION_MAX_WAIT_MS` (each service's env.ts passes its environment), defaults for those
 * unset; a value that is not a whole number of milliseconds in range fails with a clear message.
 */
export function databaseTimeoutsFromEnv(env: Record<string, string | undefined>): DatabaseTimeouts {
  const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS };
  for (const [key, [name, min]] of Object.entries(TIMEOUT_VARIABLES) as Array<[keyof DatabaseTimeouts, readonly [string, number]]>) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > 3_600_000) {
      throw new Error(`${name} must be a whole number of milliseconds from ${min} to 3600000 (got "${raw}").`);
    }
    timeouts[key] = value;
  }
  return timeouts;
}

/**
 * Connections a subgraph replica opens: its request pool and its outbox relay's. Replicas times their
 * sum is what the database (or PgBouncer in front of it) must accept: deploy/kubernetes checks it.
 */
export const REQUEST_POOL_SIZE = 10;
export const RELAY_POOL_SIZE = 2;

/** A pg pool that counts every statement its connections send. */
export function createCountingPool(connectionString: string, max = 10, statementTimeoutMs = DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs): CountingPool {
  let statements = 0;
  // Sent with each connection's startup: it holds for every statement, in and out of transactions.
  const pool = new pg.Pool({ connectionString, max, statement_timeout: statementTimeoutMs });
  // An idle connection the server closes (a restart, a failover, Postgres stopping before us) is
  // reported here; pg has already dropped it and the next query opens a new one. Without a listener
  // the event would crash the process. Errors of a running query still reach that query's caller.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    // The same for a connection checked out between two statements (an interactive transaction): pg
    // emits the server's 57P01 on the client itself, which the pool does not listen to while it is lent.
    // The transaction's next statement fails and its caller sees that error.
    client.on('error', () => undefined);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const database = (client as { database?: string }).database;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      statements += 1;
      const first = args[0];
      const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
      const span = typeof text === 'string' ? startStatementSpan(text, database) : undefined;
      if (!span) return query(...args);
      // The span ends when the statement settles: through its callback, or its promise (Prisma's adapter).
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        args[args.length - 1] = (error: unknown, result: unknown) => {
          endStatementSpan(span, error ?? undefined);
          (last as (error: unknown, result: unknown) => void)(error, result);
        };
        return query(...args);
      }
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(
          () => endStatementSpan(span),
          (error: unknown) => endStatementSpan(span, error),
        );
      } else {
        endStatementSpan(span);
      }
      return result;
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
  /** The pool's connections now: open, idle, and requests waiting for one (metrics). */
  poolStats(): { total: number; idle: number; waiting: number };
  /** Disconnects the client, then ends its pool. */
  close(): Promise<void>;
}

/** What a service's PrismaClient is constructed with besides its adapter: spread it into the options. */
export interface PrismaClientDefaults {
  transactionOptions: { timeout: number; maxWait: number };
}

/**
 * A service's Prisma client over a counting pg pool of its own (Prisma 7's driver adapter, no native
 * engine). `createClient` is the service's generated PrismaClient, which only it can construct:
 * `(adapter, defaults) => new PrismaClient({ adapter, ...defaults })`.
 */
export function openServiceDatabase<TClient extends { $disconnect(): Promise<void> }>(
  connectionString: string,
  createClient: (adapter: PrismaPg, defaults: PrismaClientDefaults) => TClient,
  max = 10,
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
): ServiceDatabase<TClient> {
  const { pool, statements } = createCountingPool(connectionString, max, timeouts.statementTimeoutMs);
  const db = createClient(new PrismaPg(pool), {
    transactionOptions: { timeout: timeouts.transactionTimeoutMs, maxWait: timeouts.transactionMaxWaitMs },
  });
  return {
    db,
    statements,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await db.$disconnect();
      await pool.end();
    },
  };
}
