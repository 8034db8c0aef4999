import { randomUUID } from 'node:crypto';
import { InvalidAnswersError, parseAnswers, scoreAttempt, type AnswerInput, type QuizSettings, type ScoredAttempt } from '@quizgraph/assessment';
import { enqueueLatestState } from '@quizgraph/events';
import { BadUserInputError, ConflictError, NotFoundError, QuizgraphError, UnauthenticatedError } from '@quizgraph/service-kit';
import { Prisma, type Attempt, type PrismaClient } from './__generated__/prisma/client.js';
import { attemptCountFrom, beyondLimit, playableKey, settingsOf, type AttemptCount, type AttemptDeps } from './attempts.js';
import { playerNowColumns, playerNowOf, recordSubmission, type PlayerNow, type PlayerNowRow } from './boards.js';
import { isOverdue } from './expiry.js';
import { lockPlayer } from './playerLock.js';
import type { AnswerKey } from './quizKeys.js';

/** Server-measured times are stored as int4: an untimed attempt left open for 25 days and more counts as that. */
const MAX_TIME_TAKEN_MS = 2_147_483_647;

export interface AttemptSubmission {
  userId: string;
  attemptId: string;
  answers: AnswerInput[];
  idempotencyKey?: string | null;
}

export interface QuizSubmission {
  userId: string;
  quizId: string;
  answers: AnswerInput[];
  idempotencyKey?: string | null;
}

function deadlineExceeded(attempt: Pick<Attempt, 'id' | 'deadline'>): QuizgraphError {
  return new QuizgraphError('DEADLINE_EXCEEDED', 'The time for this attempt ran out: it is closed, and its answers were not scored.', {
    attemptId: attempt.id,
    deadline: attempt.deadline?.toISOString() ?? null,
  });
}

/** Scores answers with the one module quizzes checked the key with; answers that do not fit are BAD_USER_INPUT. */
function score(key: AnswerKey, answers: AnswerInput[], settings: QuizSettings, timeTakenMs: number): ScoredAttempt {
  try {
    return scoreAttempt(key.questions, parseAnswers(key.questions, answers), {
      policy: settings.scoringPolicy,
      timeTakenMs,
      timeLimitMs: settings.timeLimitSeconds === null ? null : settings.timeLimitSeconds * 1000,
    });
  } catch (error) {
    if (error instanceof InvalidAnswersError) throw new BadUserInputError(error.message, { field: error.field });
    throw error;
  }
}

/**
 * Submits an attempt the player started: scores it against its pinned version's key and records it
 * with every aggregate in one transaction. An attempt is scored once: a second submission, concurrent
 * or later, with any key or none, returns the first result. Past the deadline plus the grace, the
 * attempt is closed as EXPIRED (and stays so) and the answers are refused with DEADLINE_EXCEEDED.
 */
export async function submitAttempt({ db, answerKeys, clock }: AttemptDeps, submission: AttemptSubmission): Promise<Attempt> {
  // When the answers arrived: the deadline and the time taken are measured to here, not to when a
  // lock was granted.
  const submittedAt = clock();
  const attempt = await db.attempt.findUnique({ where: { id: submission.attemptId } });
  // Someone else's attempt is as good as missing: its existence is not theirs to learn.
  if (!attempt || attempt.userId !== submission.userId) throw new NotFoundError('Attempt', submission.attemptId);
  // Scored already: the first result, whatever key comes with the retry. (A key of another attempt
  // is refused when this one is recorded, by the unique index: no lookup before.)
  if (attempt.status === 'SUBMITTED') return attempt;
  if (attempt.status === 'EXPIRED') throw deadlineExceeded(attempt);
  if (isOverdue(attempt, submittedAt)) {
    // Closed by a statement of its own, which commits although this request fails: the attempt
    // must not stay open. Only if still open: a submission that got in on time stands.
    await db.attempt.updateMany({ where: { id: attempt.id, status: 'IN_PROGRESS' }, data: { status: 'EXPIRED' } });
    const closed = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    if (closed.status === 'SUBMITTED') return closed;
    throw deadlineExceeded(attempt);
  }

  // The pinned version, never the current one: an edit published meanwhile changes nothing here.
  const key = await answerKeys.answerKey(attempt.quizId, attempt.quizVersion);
  if (!key) throw new NotFoundError('Quiz', attempt.quizId);
  const settings = settingsOf(attempt, key.settings);
  const timeTakenMs = Math.min(Math.max(0, submittedAt.getTime() - attempt.startedAt.getTime()), MAX_TIME_TAKEN_MS);
  // Scored before the transaction (a pure computation): the locks below are held for writes only.
  const scored = score(key, submission.answers, settings, timeTakenMs);

  try {
    const result = await db.$transaction(async (tx) => {
      await lockPlayer(tx, submission.userId);
      // The player's lock already orders this after any other submission of theirs; the row lock
      // orders it against the expiry that reads and sweeps apply: the first that gets it decides.
      const [state] = await tx.$queryRaw<Array<{ status: Attempt['status']; owned: boolean; deleted: boolean; firstSubmission: boolean } & PlayerNowRow>>`
        SELECT a.status, a."userId" IS NOT DISTINCT FROM ${submission.userId}::uuid AS owned,
               EXISTS (SELECT 1 FROM "DeletedUser" d WHERE d."userId" = ${submission.userId}::uuid) AS deleted,
               NOT EXISTS (SELECT 1 FROM "Attempt" o WHERE o."userId" = a."userId" AND o."quizId" = a."quizId"
                                                       AND o.status = 'SUBMITTED' AND o.id <> a.id) AS "firstSubmission",
               ${playerNowColumns(submission.userId, attempt.quizId, submittedAt)}
        FROM "Attempt" a WHERE a.id = ${attempt.id}::uuid FOR UPDATE OF a`;
      // Under the lock the anonymisation of a deleted account takes: either it already happened
      // (refuse), or it happens after this attempt and removes the player from it with the rest.
      if (!state || state.deleted || !state.owned) throw new UnauthenticatedError('This account no longer exists.');
      if (state.status === 'SUBMITTED') return tx.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
      // A sweep or a read may have closed it while these answers, which arrived in time, waited for
      // the key or the lock: expiry has no other effect, so the answers stand.
      if (state.status === 'EXPIRED' && isOverdue({ status: 'IN_PROGRESS', deadline: attempt.deadline }, submittedAt)) {
        throw deadlineExceeded(attempt);
      }

      return recordScored(tx, playerNowOf(state), {
        attempt: { ...attempt, userId: submission.userId, timeTakenMs, submittedAt },
        settings,
        scored,
        firstSubmission: state.firstSubmission,
        write: Prisma.sql`UPDATE "Attempt" SET
            status = 'SUBMITTED', score = ${String(scored.score)}::numeric, "correctCount" = ${scored.correctCount}::int,
            "timeTakenMs" = ${timeTakenMs}::int, "submittedAt" = ${submittedAt.toISOString()}::timestamptz,
            -- From now on the key names this result (an open attempt has none yet).
            "idempotencyKey" = coalesce(${submission.idempotencyKey ?? null}::text, "idempotencyKey")
          WHERE id = ${attempt.id}::uuid RETURNING *`,
      });
    });
    return result;
  } catch (error) {
    // The key names another of this player's submissions (the only unique value written here).
    if (isUniqueViolation(error)) {
      throw new ConflictError('This idempotency key was already used for another submission.', { field: 'idempotencyKey' });
    }
    throw error;
  }
}

async function priorSubmission(db: PrismaClient | Prisma.TransactionClient, submission: QuizSubmission): Promise<Attempt | null> {
  if (!submission.idempotencyKey) return null;
  const prior = await db.attempt.findUnique({
    where: { userId_idempotencyKey: { userId: submission.userId, idempotencyKey: submission.idempotencyKey } },
  });
  if (prior && prior.quizId !== submission.quizId) {
    throw new ConflictError('This idempotency key was already used for a submission to another quiz.', { field: 'idempotencyKey' });
  }
  return prior;
}

/**
 * Starts and submits an attempt at an untimed quiz's current version in one step (a timed quiz needs
 * the two, so that the server measures the time). It counts against `maxAttempts` like any attempt.
 * A repeated idempotency key returns the attempt it first recorded.
 */
export async function submitQuiz({ db, answerKeys, clock }: AttemptDeps, submission: QuizSubmission): Promise<Attempt> {
  const prior = await priorSubmission(db, submission);
  if (prior) return prior;

  const key = await playableKey(answerKeys, submission.quizId);
  if (key.settings.timeLimitSeconds !== null) {
    throw new BadUserInputError('This quiz is timed: use startAttempt, then submitAttempt, so that the server measures the time.', { field: 'quizId' });
  }
  const scored = score(key, submission.answers, key.settings, 0);
  const now = clock();
  try {
    const attempt = await db.$transaction(async (tx) => {
      // One change to a player's attempts at a time: the count below, then the insert, cannot
      // interleave with another start or submission of theirs.
      await lockPlayer(tx, submission.userId);
      const [state] = await tx.$queryRaw<Array<AttemptCount & PlayerNowRow & { recorded: boolean }>>`
        SELECT count.*,
               ${
                 submission.idempotencyKey
                   ? Prisma.sql`EXISTS (SELECT 1 FROM "Attempt" WHERE "userId" = ${submission.userId}::uuid AND "idempotencyKey" = ${submission.idempotencyKey})`
                   : Prisma.sql`false`
               } AS recorded,
               ${playerNowColumns(submission.userId, submission.quizId, now)}
        FROM ${attemptCountFrom(submission.userId, submission.quizId)}`;
      // Looked up again under the lock: a retry that waited here for the first request returns its
      // result instead of being counted as one more attempt.
      if (state!.recorded) {
        const recorded = await priorSubmission(tx, submission);
        if (recorded) return recorded;
      }
      // Under the lock the anonymisation of a deleted account takes: either it already happened
      // (refuse), or it happens after this attempt and removes it with the rest.
      if (state!.deleted) throw new UnauthenticatedError('This account no longer exists.');
      const refused = beyondLimit(key.settings, state!);
      if (refused) throw refused;
      const id = randomUUID();
      const number = state!.lastNumber + 1;
      return recordScored(tx, playerNowOf(state!), {
        attempt: { id, userId: submission.userId, quizId: submission.quizId, quizVersion: key.version, number, timeTakenMs: 0, submittedAt: now },
        settings: key.settings,
        scored,
        firstSubmission: state!.firstSubmission,
        write: Prisma.sql`INSERT INTO "Attempt" (id, "userId", "quizId", "quizVersion", status, number, "idempotencyKey", settings, score,
                                                 "maxScore", "correctCount", "questionCount", "timeTakenMs", "startedAt", "submittedAt")
          VALUES (${id}::uuid, ${submission.userId}::uuid, ${submission.quizId}::uuid, ${key.version}::int, 'SUBMITTED', ${number}::int,
                  ${submission.idempotencyKey ?? null}::text, ${JSON.stringify(key.settings)}::jsonb, ${String(scored.score)}::numeric,
                  ${scored.maxScore}::int, ${scored.correctCount}::int, ${scored.questionCount}::int, 0,
                  ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
          RETURNING *`,
      });
    });
    return attempt;
  } catch (error) {
    // The same idempotency key raced in twice: the other request recorded it first.
    if (isUniqueViolation(error)) {
      const raced = await priorSubmission(db, submission);
      if (raced) return raced;
    }
    throw error;
  }
}

/** A scored attempt as recordScored writes it. */
interface ScoredWrite {
  attempt: Pick<Attempt, 'id' | 'quizId' | 'quizVersion' | 'number'> & { userId: string; timeTakenMs: number; submittedAt: Date };
  settings: QuizSettings;
  scored: ScoredAttempt;
  firstSubmission: boolean;
  /** The attempt row's own write, returning it: an INSERT or an UPDATE. */
  write: Prisma.Sql;
}

/**
 * Everything a scored attempt changes, in its transaction, after the read under the player's lock:
 * its row, its answers and the aggregates every read is served from, in one statement (boards.ts),
 * then the quiz's play counts for quizzes.
 */
async function recordScored(
  tx: Prisma.TransactionClient,
  now: PlayerNow,
  { attempt, settings, scored, firstSubmission, write }: ScoredWrite,
): Promise<Attempt> {
  const recorded = await recordSubmission(
    tx,
    {
      attemptId: attempt.id,
      userId: attempt.userId,
      quizId: attempt.quizId,
      quizVersion: attempt.quizVersion,
      number: attempt.number,
      firstSubmission,
      leaderboardAttempt: settings.leaderboardAttempt,
      score: scored.score,
      maxScore: scored.maxScore,
      timeTakenMs: attempt.timeTakenMs,
      submittedAt: attempt.submittedAt,
      questions: scored.questions,
    },
    now,
    write,
  );
  // Tells quizzes the quiz's new counts (popularity) through the outbox, in the submitting
  // transaction: the event exists exactly when the attempt does. Only the newest counts matter, so a
  // burst of submissions becomes one delivery, and the relay is not kicked for it (its interval
  // delivers; popularity may lag by that much).
  await enqueueLatestState(tx, { type: 'QuizPlayed', payload: { quizId: attempt.quizId, ...recorded.counts } }, 'quizId');
  return recorded.attempt!;
}

/** A unique index refused the write, whether Prisma's model API or a raw statement made it. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string; originalCode?: string } } | undefined)?.cause;
  return error.code === 'P2010' && (cause?.kind === 'UniqueConstraintViolation' || cause?.originalCode === '23505');
}
