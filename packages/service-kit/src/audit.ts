import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Logger } from './logger.js';

/**
 * Audit log lines: one JSON line per security-relevant event, written at info level through the
 * request's own logger (so it carries the request id, and the trace id where tracing binds one), with
 * one fixed shape operators filter on (`audit: true`, then `action` and `outcome`):
 *
 *   {"level":30,"service":"users","requestId":"…","audit":true,"action":"user.signIn",
 *    "outcome":"failure","actorId":null,"targetId":null,"reason":"unknownAccount",
 *    "emailHash":"…","clientAddress":"203.0.113.7","msg":"audit"}
 *
 * The list of actions and reasons lives here and nowhere else; the README lists them for operators.
 */
export const AUDIT_ACTIONS = [
  'user.register',
  'user.signIn',
  'session.refresh',
  'session.signOut',
  'session.signOutEverywhere',
  'user.changePassword',
  'user.setRole',
  'user.delete',
  'quiz.archive',
  'quiz.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'success' | 'failure';

/** Why an action failed: the specific ones domain code states, the rest from the error's code. */
export const AUDIT_REASONS = [
  'unknownAccount',
  'wrongPassword',
  'throttled',
  'emailTaken',
  'invalidToken',
  'expiredToken',
  'reusedToken',
  'unauthenticated',
  'forbidden',
  'notFound',
  'conflict',
  'badInput',
  'error',
] as const;
export type AuditReason = (typeof AUDIT_REASONS)[number];

/** What else a line may carry; a closed list, so the shape stays the one the README documents. */
export interface AuditDetails {
  /** A pseudonym of the normalised email a sign-in or sign-up named (see emailHash). */
  emailHash?: string;
  /** The client's address as the router saw it, or null. */
  clientAddress?: string | null;
  sessionId?: string;
  /** user.setRole: the role given, and the one it replaced. */
  role?: string;
  previousRole?: string;
  /** session.signOutEverywhere: how many sessions it ended. */
  sessionsEnded?: number;
  /** `cli` for an operator's command (no actor, no request); the API otherwise. */
  via?: 'api' | 'cli';
}

export interface AuditEvent extends AuditDetails {
  action: AuditAction;
  outcome: AuditOutcome;
  /** Who did it: the signed-in user, or null (an anonymous caller, or an operator's command). */
  actorId: string | null;
  /** What it was done to: a user id (also for their sessions) or a quiz id; null when unknown. */
  targetId: string | null;
  /** Why it failed; null on success. */
  reason?: AuditReason | null;
}

/** The message every audit line has, beside `audit: true`. */
export const AUDIT_MESSAGE = 'audit';

/** Writes one audit line. Never pass a secret (password, token) in an event: there is no field for one. */
export function audit(logger: Logger, event: AuditEvent): void {
  const { action, outcome, actorId, targetId, reason = null, via = 'api', ...details } = event;
  logger.info({ audit: true, action, outcome, actorId, targetId, reason: outcome === 'success' ? null : (reason ?? 'error'), via, ...details }, AUDIT_MESSAGE);
}

/**
 * A pseudonym of an email for logs: the first 16 hex digits of its SHA-256. Lines about one address
 * can be found and correlated (`printf %s ada@example.com | sha256sum | cut -c1-16`), while the logs,
 * which more people read and keep longer than the database, do not spell out whose address, nor a
 * password typed into the email field by mistake. Emails can be guessed, so this is a pseudonym and not
 * anonymity: the logs stay personal data.
 */
export function emailHash(normalisedEmail: string): string {
  return createHash('sha256').update(normalisedEmail).digest('hex').slice(0, 16);
}

const FAILURE = Symbol('quizgraph.auditFailure');

interface FailureNote {
  reason?: AuditReason;
  targetId?: string | null;
  details?: AuditDetails;
}

/**
 * Notes on an error what its audit line should say (a reason more precise than its code, the target
 * domain code found), without changing what the client sees: the note is a symbol-keyed property that
 * no formatter serialises. Returns the error, for `throw auditNote(new …Error(…), { … })`.
 */
export function auditNote<E extends Error>(error: E, note: FailureNote): E {
  Object.defineProperty(error, FAILURE, { value: note, enumerable: false });
  return error;
}

const REASON_OF_CODE: Record<string, AuditReason> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  RATE_LIMITED: 'throttled',
  BAD_USER_INPUT: 'badInput',
};

/** Why an error made an audited action fail: its note's reason, else its code's, else `error`. */
export function auditReasonOf(error: unknown): AuditReason {
  const noted = (error as { [FAILURE]?: FailureNote } | null)?.[FAILURE]?.reason;
  if (noted) return noted;
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return (typeof code === 'string' && REASON_OF_CODE[code]) || 'error';
}

/**
 * Runs an action and writes its audit line: success (with what `onSuccess` adds from the result), or
 * failure with the reason the error gives (auditReasonOf) and the target its note names; the error is
 * rethrown unchanged.
 */
export async function audited<T>(
  logger: Logger,
  event: Omit<AuditEvent, 'outcome' | 'reason'>,
  run: () => Promise<T>,
  onSuccess?: (result: T) => Partial<Omit<AuditEvent, 'action' | 'outcome' | 'reason'>>,
): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    const note = (error as { [FAILURE]?: FailureNote } | null)?.[FAILURE];
    audit(logger, {
      ...event,
      ...note?.details,
      ...(note?.targetId !== undefined ? { targetId: note.targetId } : {}),
      outcome: 'failure',
      reason: auditReasonOf(error),
    });
    throw error;
  }
  audit(logger, { ...event, ...onSuccess?.(result), outcome: 'success' });
  return result;
}
