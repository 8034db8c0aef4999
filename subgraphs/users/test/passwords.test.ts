import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { configurePasswordWork, hashPassword, passwordWorkLoad, stopPasswordWork, verifyPassword } from '../src/passwords.js';

afterEach(() => configurePasswordWork({}));
afterAll(() => stopPasswordWork());

describe('password work', () => {
  it('checks a sign-in’s password before the sign-ups that queued ahead of it', async () => {
    configurePasswordWork({ concurrency: 1 });
    const hash = await hashPassword('a sign-in passphrase');
    const finished: string[] = [];
    const signUps = Array.from({ length: 5 }, (_, i) => hashPassword(`sign-up passphrase ${i}`).then(() => finished.push(`sign-up ${i}`)));
    expect(passwordWorkLoad()).toEqual({ running: 1, waitingChecks: 0, waitingHashes: 4 });
    const signIn = verifyPassword(hash, 'a sign-in passphrase').then((ok) => finished.push(`sign-in ${ok}`));
    await Promise.all([...signUps, signIn]);
    // Only the sign-up already running when the sign-in arrived went first.
    expect(finished).toEqual(['sign-up 0', 'sign-in true', 'sign-up 1', 'sign-up 2', 'sign-up 3', 'sign-up 4']);
  });

  it('refuses sign-ups past a bounded backlog with RATE_LIMITED, and still checks passwords', async () => {
    configurePasswordWork({ concurrency: 1, maxWaitingHashes: 2 });
    const hash = await hashPassword('a sign-in passphrase');
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => hashPassword(`burst ${i}`)));
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
    // One runs, two wait, three are refused.
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 5 } });
    expect(await verifyPassword(hash, 'a sign-in passphrase')).toBe(true);
    expect(await verifyPassword(hash, 'not it')).toBe(false);
  });
});
