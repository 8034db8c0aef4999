import { databaseUrl, openServiceDatabase, prepareServiceDatabases } from '@quizgraph/prisma';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '../src/__generated__/prisma/client.js';
import { LoginThrottle } from '../src/throttle.js';

/**
 * The overall sign-up limit is one row shared by every sign-up of a database, so it is tried on a
 * database of its own: the shared test database takes other tests' sign-ups meanwhile.
 */
let database: ReturnType<typeof openServiceDatabase<PrismaClient>>;

beforeAll(async () => {
  const urls = await prepareServiceDatabases(databaseUrl(inject('databaseUrls').users, 'postgres'), 'quizgraph_test_signup');
  database = openServiceDatabase(urls.users, (adapter) => new PrismaClient({ adapter }));
  await database.db.$executeRaw`TRUNCATE "LoginThrottle"`;
});

afterAll(async () => {
  await database?.close();
});

const rule = (maxFailures: number) => ({ maxFailures, windowSeconds: 60, lockSeconds: 60 });

describe('the overall sign-up limit', () => {
  it('refuses sign-ups from every address once all of them together reach it, and says when to retry', async () => {
    const throttle = new LoginThrottle(database.db, { account: rule(5), address: rule(50), signUpAddress: rule(100), signUpGlobal: rule(4) });
    for (let i = 0; i < 4; i++) await throttle.claimSignUp(`10.0.0.${i}`);
    for (const address of ['10.0.0.9', null]) {
      await expect(throttle.claimSignUp(address)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
        message: expect.stringMatching(/^Too many sign-ups right now\. Try again in \d+ seconds\.$/),
      });
    }
    // Sign-ins are another matter.
    await expect(throttle.claimAttempt({ email: 'someone@test.quizgraph.dev', address: '10.0.0.9' })).resolves.toBeUndefined();
  });
});
