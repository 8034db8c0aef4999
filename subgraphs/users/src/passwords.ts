import argon2 from 'argon2';
import { RateLimitedError } from '@quizgraph/service-kit';
import { dictionary } from '@zxcvbn-ts/language-common';
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** ~49,000 passwords seen most often in breaches, lower-cased for a case-insensitive check. */
const COMMON_PASSWORDS = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

export interface PasswordWorkLimits {
  /** argon2 computations at once (each takes 64 MiB and a core for tens of milliseconds). */
  concurrency: number;
  /** Sign-ups (and password changes) waiting for their hash; more are refused with RATE_LIMITED. */
  maxWaitingHashes: number;
  /** Sign-ins (and password confirmations) waiting for their check; more are refused with RATE_LIMITED. */
  maxWaitingChecks: number;
}

/** Half the cores (at least one): the rest of the process, and its other services, keep the others. */
export const DEFAULT_PASSWORD_WORK: PasswordWorkLimits = {
  concurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
  maxWaitingHashes: 32,
  maxWaitingChecks: 256,
};

const SIGN_IN = 1;
const SIGN_UP = 0;

/**
 * All argon2 work of the process goes through one queue of bounded concurrency, in which checking a
 * password (signing in) goes before hashing a new one (signing up): a burst of sign-ups waits behind
 * the sign-ins instead of starving them, and past a bounded backlog it is refused rather than queued
 * without end. CPU is the process's, so the queue is too.
 */
let limits = DEFAULT_PASSWORD_WORK;
const queue = new PQueue({ concurrency: limits.concurrency });

export function configurePasswordWork(next: Partial<PasswordWorkLimits>): void {
  limits = { ...DEFAULT_PASSWORD_WORK, ...next };
  queue.concurrency = limits.concurrency;
}

/** What the queue holds now (tests, metrics). */
export function passwordWorkLoad(): { running: number; waitingChecks: number; waitingHashes: number } {
  return { running: queue.pending, waitingChecks: queue.sizeBy({ priority: SIGN_IN }), waitingHashes: queue.sizeBy({ priority: SIGN_UP }) };
}

function busy(): never {
  throw new RateLimitedError('Too many sign-ins and sign-ups at once. Try again in a few seconds.', 5);
}

/** argon2id with the library's defaults (64 MiB, 3 passes), which follow OWASP's guidance. */
export async function hashPassword(password: string): Promise<string> {
  if (queue.sizeBy({ priority: SIGN_UP }) >= limits.maxWaitingHashes) busy();
  return (await queue.add(() => argon2.hash(password, { type: argon2.argon2id }), { priority: SIGN_UP }))!;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (queue.sizeBy({ priority: SIGN_IN }) >= limits.maxWaitingChecks) busy();
  return (await queue.add(
    async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
    { priority: SIGN_IN },
  ))!;
}

let decoyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the email is unknown, so a login for a missing account costs the same
 * argon2 work as one for an existing account and its timing reveals nothing.
 */
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}
