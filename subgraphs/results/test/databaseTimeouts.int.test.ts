import { DEFAULT_DATABASE_TIMEOUTS, databaseTimeoutsFromEnv, openServiceDatabase, type ServiceDatabase } from '@quizgraph/prisma';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '../src/__generated__/prisma/client.js';

/**
 * Every service database (openServiceDatabase) cancels a statement that runs too long and rolls back an
 * interactive transaction that does, with limits taken from the environment. Shown on the results
 * service's client against real Postgres, with limits of a few hundred milliseconds.
 */
let database: ServiceDatabase<PrismaClient>;

beforeAll(() => {
  database = openServiceDatabase(inject('databaseUrls').results, (adapter, defaults) => new PrismaClient({ adapter, ...defaults }), 2, {
    statementTimeoutMs: 300,
    transactionTimeoutMs: 500,
    transactionMaxWaitMs: 500,
  });
});

afterAll(async () => {
  await database?.close();
});

describe('database timeouts', () => {
  it('cancel a statement that runs longer than the statement timeout', async () => {
    await expect(database.db.$executeRaw`SELECT pg_sleep(0.1)`).resolves.toBeDefined();
    const started = performance.now();
    await expect(database.db.$executeRaw`SELECT pg_sleep(5)`).rejects.toThrow(/statement timeout/);
    expect(performance.now() - started).toBeLessThan(2_000);
    // The connection stays usable.
    await expect(database.ping()).resolves.toBeUndefined();
  });

  it('roll back an interactive transaction that outlives the transaction timeout, statements short as they are', async () => {
    const transaction = database.db.$transaction(async (tx) => {
      for (let i = 0; i < 4; i++) await tx.$executeRaw`SELECT pg_sleep(0.2)`;
    });
    await expect(transaction).rejects.toThrow(/expired transaction|timeout for this transaction was 500 ms/);
    // A call that needs longer says so.
    await expect(
      database.db.$transaction(
        async (tx) => {
          for (let i = 0; i < 3; i++) await tx.$executeRaw`SELECT pg_sleep(0.2)`;
          return 'done';
        },
        { timeout: 2_000 },
      ),
    ).resolves.toBe('done');
  });

  it('come from the environment, with defaults, and refuse a value that is not milliseconds', () => {
    expect(databaseTimeoutsFromEnv({})).toEqual(DEFAULT_DATABASE_TIMEOUTS);
    expect(databaseTimeoutsFromEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_TRANSACTION_TIMEOUT_MS: '20000' })).toEqual({
      ...DEFAULT_DATABASE_TIMEOUTS,
      statementTimeoutMs: 0,
      transactionTimeoutMs: 20_000,
    });
    expect(() => databaseTimeoutsFromEnv({ DATABASE_TRANSACTION_MAX_WAIT_MS: '5s' })).toThrow(/DATABASE_TRANSACTION_MAX_WAIT_MS must be a whole number/);
    expect(() => databaseTimeoutsFromEnv({ DATABASE_TRANSACTION_TIMEOUT_MS: '0' })).toThrow(/from 100/);
  });
});
