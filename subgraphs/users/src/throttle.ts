import { RateLimitedError } from '@quizgraph/service-kit';
import type { PrismaClient } from './__generated__/prisma/client.js';

export interface ThrottleRule {
  /** Failures allowed within the window before a lock. */
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export interface ThrottlePolicy {
  /** Per account (email): slows guessing one user's password. */
  account: ThrottleRule;
  /** Per client address: slows trying one password against many accounts. */
  address: ThrottleRule;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  account: { maxFailures: 5, windowSeconds: 900, lockSeconds: 900 },
  address: { maxFailures: 50, windowSeconds: 900, lockSeconds: 900 },
};

export interface ThrottleSubject {
  email: string;
  address: string | null;
}

function keysOf({ email, address }: ThrottleSubject): Array<{ key: string; rule: keyof ThrottlePolicy }> {
  return [{ key: `account:${email}`, rule: 'account' }, ...(address ? [{ key: `address:${address}`, rule: 'address' as const }] : [])];
}

/**
 * Sign-in throttling kept in the users database, so it holds across restarts and replicas. Checked
 * before any password work: a locked account costs an attacker nothing to ask about and tells them
 * nothing, whether the email exists or not.
 */
export class LoginThrottle {
  constructor(
    private readonly db: PrismaClient,
    private readonly policy: ThrottlePolicy,
  ) {}

  async assertAllowed(subject: ThrottleSubject): Promise<void> {
    const keys = keysOf(subject).map((k) => k.key);
    const locks = await this.db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } } });
    if (locks.length === 0) return;
    const until = Math.max(...locks.map((l) => l.lockedUntil!.getTime()));
    const retryAfterSeconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    throw new RateLimitedError(`Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`, retryAfterSeconds);
  }

  /** Counts a failure against the account and the address; the one that reaches its limit locks. */
  async recordFailure(subject: ThrottleSubject): Promise<void> {
    for (const { key, rule } of keysOf(subject)) {
      const { maxFailures, windowSeconds, lockSeconds } = this.policy[rule];
      // One statement, so concurrent failures cannot both read a count below the limit.
      await this.db.$executeRaw`
        INSERT INTO "LoginThrottle" (key, failures, "windowStartedAt", "lockedUntil")
        VALUES (${key}, 1, now(), CASE WHEN 1 >= ${maxFailures} THEN now() + make_interval(secs => ${lockSeconds}) END)
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN "LoginThrottle"."windowStartedAt" < now() - make_interval(secs => ${windowSeconds})
                          THEN 1 ELSE "LoginThrottle".failures + 1 END,
          "windowStartedAt" = CASE WHEN "LoginThrottle"."windowStartedAt" < now() - make_interval(secs => ${windowSeconds})
                                   THEN now() ELSE "LoginThrottle"."windowStartedAt" END,
          "lockedUntil" = CASE
            WHEN "LoginThrottle"."windowStartedAt" >= now() - make_interval(secs => ${windowSeconds})
             AND "LoginThrottle".failures + 1 >= ${maxFailures}
            THEN now() + make_interval(secs => ${lockSeconds})
            ELSE "LoginThrottle"."lockedUntil" END`;
    }
  }

  /** A successful sign-in clears the account's count (not the address's: one success does not vouch for the rest). */
  async recordSuccess(email: string): Promise<void> {
    await this.db.loginThrottle.deleteMany({ where: { key: `account:${email}` } });
  }
}
