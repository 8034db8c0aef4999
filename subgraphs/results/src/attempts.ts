import { DEFAULT_SETTINGS, quizSettingsSchema, type QuizSettings } from '@quizgraph/assessment';
import { ConflictError, NotFoundError, QuizgraphError, UnauthenticatedError } from '@quizgraph/service-kit';
import { Prisma, type Attempt, type PrismaClient } from './__generated__/prisma/client.js';
import { closingOverdue, SUBMIT_GRACE_MS, type Clock } from './expiry.js';
import { lockPlayer } from './playerLock.js';
import type { AnswerKey, AnswerKeySource } from './quizKeys.js';

/** What the attempt use cases run on. */
export interface AttemptDeps {
  db: PrismaClient;
  answerKeys: AnswerKeySource;
  clock: Clock;
}

export interface AttemptStart {
  userId: string;
  quizId: string;
  idempotencyKey?: string | null;
}

/**
 * The settings an attempt was started under (its snapshot). Attempts recorded before snapshots
 * were taken hold `{}`: they read as `fallback`, the pinned version's settings when at hand.
 */
export function settingsOf(attempt: Pick<Attempt, 'settings'>, fallback: QuizSettings = DEFAULT_SETTINGS): QuizSettings {
  const parsed = quizSettingsSchema.safeParse(attempt.settings);
  return parsed.success ? parsed.data : fallback;
}

/** The key of a quiz players may take now: drafts do not exist for them, archived quizzes take no attempts. */
export async function playableKey(answerKeys: AnswerKeySource, quizId: string): Promise<AnswerKey> {
  const key = await answerKeys.answerKey(quizId);
  if (!key || key.status === 'DRAFT') throw new NotFoundError('Quiz', quizId);
  if (key.status === 'ARCHIVED') throw new ConflictError('This quiz is archived and no longer takes attempts.');
  return key;
}

/** What a player's attempts at a quiz allow next, read under the player's lock. */
export interface AttemptCount {
  deleted: boolean;
  /** Attempts at the quiz so far, whatever became of them: open, submitted and expired all count. */
  used: number;
  lastNumber: number;
  /** No attempt at the quiz was submitted yet. */
  firstSubmission: boolean;
}

/**
 * The player's attempts at the quiz as a one-row FROM item named `count` (columns as AttemptCount),
 * for a read that takes other columns along.
 */
export function attemptCountFrom(userId: string, quizId: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT EXISTS (SELECT 1 FROM "DeletedUser" WHERE "userId" = ${userId}::uuid) AS deleted,
           count(*)::int AS used, coalesce(max(number), 0)::int AS "lastNumber",
           NOT coalesce(bool_or(status = 'SUBMITTED'), false) AS "firstSubmission"
    FROM "Attempt" WHERE "userId" = ${userId}::uuid AND "quizId" = ${quizId}::uuid) AS count`;
}

export async function countAttempts(tx: Prisma.TransactionClient, userId: string, quizId: string): Promise<AttemptCount> {
  const [count] = await tx.$queryRaw<AttemptCount[]>`SELECT count.* FROM ${attemptCountFrom(userId, quizId)}`;
  return count!;
}

/** FORBIDDEN once a player has used every attempt the quiz allows; null while one is left. */
export function beyondLimit(settings: QuizSettings, count: AttemptCount): QuizgraphError | null {
  if (settings.maxAttempts === null || count.used < settings.maxAttempts) return null;
  const allowed = settings.maxAttempts === 1 ? 'one attempt' : `${settings.maxAttempts} attempts`;
  return new QuizgraphError('FORBIDDEN', `This quiz allows ${allowed} per player, and you have used ${settings.maxAttempts === 1 ? 'it' : 'them all'}.`, {
    maxAttempts: settings.maxAttempts,
  });
}

async function priorStart(db: PrismaClient, start: AttemptStart): Promise<Attempt | null> {
  if (!start.idempotencyKey) return null;
  const prior = await db.attempt.findUnique({ where: { userId_startKey: { userId: start.userId, startKey: start.idempotencyKey } } });
  if (prior && prior.quizId !== start.quizId) {
    throw new ConflictError('This idempotency key already started an attempt at another quiz.', { field: 'idempotencyKey' });
  }
  return prior;
}

/**
 * Starts an attempt at a quiz's current version: pins the version, snapshots its settings, records
 * the server's start time and, for a timed quiz, the deadline. A player has at most one attempt open
 * per quiz: while one is open and its time has not run out, starting again returns it (a reload, a
 * second device, a retry without a key), so only deliberate new attempts use up `maxAttempts`. An
 * attempt whose deadline has passed is not resumed; once its grace has passed too it is closed here.
 * A repeated idempotency key returns the attempt it started, whatever became of it.
 */
export async function startAttempt({ db, answerKeys, clock }: AttemptDeps, start: AttemptStart): Promise<Attempt> {
  const prior = await priorStart(db, start);
  // Before asking quizzes: a retry returns its attempt even once the quiz is archived.
  if (prior) return (await closingOverdue(db, [prior], clock()))[0]!;

  const key = await playableKey(answerKeys, start.quizId);
  const now = clock();
  let attempt: Attempt | QuizgraphError;
  try {
    attempt = await db.$transaction(async (tx) => {
      await lockPlayer(tx, start.userId);
      // Attempts whose time ran out unattended are closed now rather than at the next sweep.
      await tx.attempt.updateMany({
        where: { userId: start.userId, quizId: start.quizId, status: 'IN_PROGRESS', deadline: { lt: new Date(now.getTime() - SUBMIT_GRACE_MS) } },
        data: { status: 'EXPIRED' },
      });
      const open = await tx.attempt.findFirst({
        where: { userId: start.userId, quizId: start.quizId, status: 'IN_PROGRESS', OR: [{ deadline: null }, { deadline: { gt: now } }] },
        orderBy: { number: 'desc' },
      });
      if (open) return open;

      const count = await countAttempts(tx, start.userId, start.quizId);
      // Under the lock the anonymisation of a deleted account takes: no attempt of theirs after it.
      if (count.deleted) throw new UnauthenticatedError('This account no longer exists.');
      // Returned, not thrown: the attempts closed above stay closed although this start is refused.
      const refused = beyondLimit(key.settings, count);
      if (refused) return refused;
      const limitSeconds = key.settings.timeLimitSeconds;
      return tx.attempt.create({
        data: {
          userId: start.userId,
          quizId: start.quizId,
          quizVersion: key.version,
          status: 'IN_PROGRESS',
          number: count.lastNumber + 1,
          startKey: start.idempotencyKey ?? null,
          settings: key.settings,
          maxScore: key.questions.reduce((sum, q) => sum + q.points, 0),
          questionCount: key.questions.length,
          startedAt: now,
          deadline: limitSeconds === null ? null : new Date(now.getTime() + limitSeconds * 1000),
        },
      });
    });
  } catch (error) {
    // The same key raced in twice and the other request started the attempt first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const raced = await priorStart(db, start);
      if (raced) return raced;
    }
    throw error;
  }
  if (attempt instanceof QuizgraphError) throw attempt;
  return attempt;
}
