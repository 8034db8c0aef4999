import { RateLimitedError } from '@quizgraph/service-kit';
import { isIPv6 } from 'node:net';
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
  /**
   * Sign-ups per client address (every one counts, not only failures): one host cannot mass-create
   * accounts, while a classroom behind one address still signs up together. Default below.
   */
  signUpAddress?: ThrottleRule;
  /** Sign-ups from everywhere together: a flood from many addresses stops at this rate. Default below. */
  signUpGlobal?: ThrottleRule;
}

export const DEFAULT_THROTTLE: Required<ThrottlePolicy> = {
  account: { maxFailures: 5, windowSeconds: 900, lockSeconds: 900 },
  address: { maxFailures: 50, windowSeconds: 900, lockSeconds: 900 },
  signUpAddress: { maxFailures: 100, windowSeconds: 600, lockSeconds: 600 },
  signUpGlobal: { maxFailures: 1_000, windowSeconds: 60, lockSeconds: 60 },
};

export interface ThrottleSubject {
  email: string;
  address: string | null;
}

/**
 * What one client controls: an IPv4 address (also when IPv4-mapped), or a whole IPv6 /64, since one
 * host is usually handed a /64 and could otherwise pick a fresh address for every guess.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function keysOf({ email, address }: ThrottleSubject): Array<{ key: string; rule: keyof ThrottlePolicy }> {
  return [{ key: `account:${email}`, rule: 'account' }, ...(address ? [{ key: `address:${addressKey(address)}`, rule: 'address' as const }] : [])];
}

function signUpKeysOf(address: string | null): Array<{ key: string; rule: keyof ThrottlePolicy }> {
  return [
    { key: 'sign-up:global', rule: 'signUpGlobal' },
    ...(address ? [{ key: `sign-up:address:${addressKey(address)}`, rule: 'signUpAddress' as const }] : []),
  ];
}

/**
 * Sign-in and sign-up throttling kept in the users database, so it holds across restarts and replicas. Attempts
 * are counted before any password work: a locked account costs an attacker nothing to ask about and
 * tells them nothing, whether the email exists or not.
 */
export class LoginThrottle {
  private readonly policy: Required<ThrottlePolicy>;

  constructor(
    private readonly db: PrismaClient,
    policy: ThrottlePolicy,
  ) {
    this.policy = { ...DEFAULT_THROTTLE, ...policy };
  }

  async assertAllowed(subject: ThrottleSubject): Promise<void> {
    await this.refuseLocked(
      keysOf(subject).map((k) => k.key),
      'Too many failed sign-in attempts.',
    );
  }

  /**
   * Counts an attempt against the account and the address before any password work, and refuses it
   * when that count is over the limit: of a burst of parallel guesses, at most `maxFailures` get
   * checked. A success gives its attempt back (`recordSuccess`).
   */
  async claimAttempt(subject: ThrottleSubject): Promise<void> {
    await this.claim(keysOf(subject), 'Too many failed sign-in attempts.');
  }

  /**
   * Counts a sign-up against the client's address and against all sign-ups, before any password
   * work, and refuses it (RATE_LIMITED, with the seconds to wait) once either is over its limit.
   */
  async claimSignUp(address: string | null): Promise<void> {
    const keys = signUpKeysOf(address);
    await this.refuseLocked(
      keys.map((k) => k.key),
      'Too many sign-ups right now.',
    );
    await this.claim(keys, 'Too many sign-ups right now.');
  }

  private async refuseLocked(keys: string[], reason: string): Promise<void> {
    const locks = await this.db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } } });
    if (locks.length === 0) return;
    const until = Math.max(...locks.map((l) => l.lockedUntil!.getTime()));
    const retryAfterSeconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    throw new RateLimitedError(`${reason} Try again in ${retryAfterSeconds} seconds.`, retryAfterSeconds);
  }

  private async claim(keys: Array<{ key: string; rule: keyof ThrottlePolicy }>, reason: string): Promise<void> {
    let over = false;
    for (const { key, rule } of keys) {
      const { maxFailures, windowSeconds, lockSeconds } = this.policy[rule];
      // One statement, so concurrent attempts each see their own count.
      const [row] = await this.db.$queryRaw<Array<{ failures: number }>>`
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
            ELSE "LoginThrottle"."lockedUntil" END
        RETURNING failures`;
      if (row && row.failures > maxFailures) over = true;
    }
    if (over)
      await this.refuseLocked(
        keys.map((k) => k.key),
        reason,
      );
  }

  /**
   * A successful sign-in clears the account's count, and gives back the one attempt it took from the
   * address (one success does not vouch for the address's other attempts).
   */
  async recordSuccess(subject: ThrottleSubject): Promise<void> {
    await this.db.loginThrottle.deleteMany({ where: { key: `account:${subject.email}` } });
    if (subject.address) {
      const { maxFailures } = this.policy.address;
      await this.db.$executeRaw`
        UPDATE "LoginThrottle" SET failures = greatest(failures - 1, 0),
          "lockedUntil" = CASE WHEN failures - 1 >= ${maxFailures} THEN "lockedUntil" END
        WHERE key = ${`address:${addressKey(subject.address)}`}`;
    }
  }
}
