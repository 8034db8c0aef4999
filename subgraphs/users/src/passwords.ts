import { RateLimitedError } from '@quizgraph/service-kit';
import { dictionary } from '@zxcvbn-ts/language-common';
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { HashingHelper, type HashingHelperOptions } from './hashingHelper.js';
import type { PasswordHashingIsolation } from './hashingProtocol.js';

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
  /**
   * Where argon2 runs: `process` (default), in a helper process at the lowest CPU priority (nice 19,
   * hashingProcess.ts), so that reads go first on a busy machine; `off`, in this process, at its priority.
   */
  isolation: PasswordHashingIsolation;
}

/** Half the cores (at least one): the rest of the process, and its other services, keep the others. */
export const DEFAULT_PASSWORD_WORK: PasswordWorkLimits = {
  concurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
  maxWaitingHashes: 32,
  maxWaitingChecks: 256,
  isolation: 'process',
};

const SIGN_IN = 1;
const SIGN_UP = 0;

/**
 * All argon2 work of the process goes through one queue of bounded concurrency, in which checking a
 * password (signing in) goes before hashing a new one (signing up): a burst of sign-ups waits behind
 * the sign-ins instead of starving them, and past a bounded backlog it is refused rather than queued
 * without end. CPU is the process's, so the queue is too. The computations themselves run in the
 * hashing helper (hashingHelper.ts), at most `concurrency` at once as the queue sends them, at a CPU
 * priority below everything else's: the queue orders and bounds the work, the helper's priority makes
 * it wait for idle CPU.
 */
let limits = DEFAULT_PASSWORD_WORK;
const queue = new PQueue({ concurrency: limits.concurrency });
let helper = new HashingHelper();

/** Sets the limits (the defaults for those not given) and, if given, replaces the helper (its old one stopped). */
export function configurePasswordWork(next: Partial<PasswordWorkLimits>, helperOptions?: HashingHelperOptions): void {
  limits = { ...DEFAULT_PASSWORD_WORK, ...next };
  queue.concurrency = limits.concurrency;
  if (helperOptions) {
    void helper.stop();
    helper = new HashingHelper(helperOptions);
  }
}

/** Starts the hashing helper now, so that a service does not start if it cannot (no-op when isolation is off). */
export async function startPasswordWork(): Promise<void> {
  if (limits.isolation === 'process') await helper.start();
}

/** Stops the hashing helper (a service closing); the next password work starts it again. */
export function stopPasswordWork(): Promise<void> {
  return helper.stop();
}

/** The hashing helper's process id while it runs (tests, diagnostics). */
export function passwordHelperPid(): number | undefined {
  return helper.pid;
}

/** argon2 in this process (isolation `off`), loaded only then. */
const inProcess = () => import('argon2').then((module) => module.default);

const compute = {
  hash: async (password: string): Promise<string> => {
    if (limits.isolation === 'process') return helper.hash(password);
    const argon2 = await inProcess();
    return argon2.hash(password, { type: argon2.argon2id });
  },
  verify: async (hash: string, password: string): Promise<boolean> => {
    if (limits.isolation === 'process') return helper.verify(hash, password);
    const argon2 = await inProcess();
    return argon2.verify(hash, password).catch(() => false);
  },
};

/** What the queue holds now (tests, metrics). */
export function passwordWorkLoad(): { running: number; waitingChecks: number; waitingHashes: number } {
  return { running: queue.pending, waitingChecks: queue.sizeBy({ priority: SIGN_IN }), waitingHashes: queue.sizeBy({ priority: SIGN_UP }) };
}

function busy(): never {
  throw new RateLimitedError('Too many sign-ins and sign-ups at once. Try again in a few seconds.', 5);
}

/**
 * argon2id with the library's defaults (64 MiB, 3 passes), which follow OWASP's guidance. Rejects with
 * SERVICE_UNAVAILABLE when the hashing helper cannot start, dies or does not answer in time.
 */
export async function hashPassword(password: string): Promise<string> {
  if (queue.sizeBy({ priority: SIGN_UP }) >= limits.maxWaitingHashes) busy();
  return (await queue.add(() => compute.hash(password), { priority: SIGN_UP }))!;
}

/** Whether the password matches the hash (false for a hash argon2 cannot read); SERVICE_UNAVAILABLE as hashPassword. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (queue.sizeBy({ priority: SIGN_IN }) >= limits.maxWaitingChecks) busy();
  return (await queue.add(() => compute.verify(hash, password), { priority: SIGN_IN }))!;
}

let decoyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the email is unknown, so a login for a missing account costs the same
 * argon2 work as one for an existing account and its timing reveals nothing.
 */
export function decoyPasswordHash(): Promise<string> {
  // Made again after a failure (the helper down), rather than failing every unknown email from then on.
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`).catch((error: unknown) => {
    decoyHash = undefined;
    throw error;
  });
  return decoyHash;
}
