import { InvalidAnswersError, parseAnswers, scoreAttempt, type AnswerInput } from '@quizgraph/assessment';
import { enqueueEvent } from '@quizgraph/events';
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '@quizgraph/service-kit';
import { Prisma, type Attempt, type PrismaClient } from './__generated__/prisma/client.js';
import type { AnswerKeySource } from './quizKeys.js';

export interface Submission {
  userId: string;
  quizId: string;
  answers: AnswerInput[];
  idempotencyKey?: string | null;
}

async function priorAttempt(db: PrismaClient, submission: Submission): Promise<Attempt | null> {
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
 * Scores a submission against the quiz's current answer key and records it, with the leaderboard
 * aggregates, in one transaction. A repeated idempotency key returns the attempt it first created.
 */
export async function submitQuiz(
  db: PrismaClient,
  keys: AnswerKeySource,
  submission: Submission,
  onEvent: () => void = () => undefined,
): Promise<Attempt> {
  const prior = await priorAttempt(db, submission);
  if (prior) return prior;

  const key = await keys.answerKey(submission.quizId);
  // Drafts are hidden from players: to them, an unpublished quiz does not exist.
  if (!key || key.status === 'DRAFT') throw new NotFoundError('Quiz', submission.quizId);
  if (key.status === 'ARCHIVED') throw new ConflictError('This quiz is archived and no longer takes attempts.');

  let scored;
  try {
    // One module scores for everyone: the same rules quizzes checked the key with when publishing.
    scored = scoreAttempt(key.questions, parseAnswers(key.questions, submission.answers), { policy: key.settings.scoringPolicy });
  } catch (error) {
    if (error instanceof InvalidAnswersError) throw new BadUserInputError(error.message, { field: error.field });
    throw error;
  }

  const now = new Date();
  try {
    const attempt = await db.$transaction(async (tx) => {
      // One submission per player at a time: the best-score and total updates below read, then write.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${submission.userId}, 0))`;
      // Under the same lock as the anonymisation of a deleted account: either it already happened
      // (refuse), or it happens after this attempt and removes it with the rest.
      if (await tx.deletedUser.findUnique({ where: { userId: submission.userId } })) {
        throw new UnauthenticatedError('This account no longer exists.');
      }
      const attempt = await tx.attempt.create({
        data: {
          userId: submission.userId,
          quizId: submission.quizId,
          quizVersion: key.version,
          idempotencyKey: submission.idempotencyKey ?? null,
          score: scored.score,
          maxScore: scored.maxScore,
          correctCount: scored.correctCount,
          questionCount: scored.questionCount,
          timeTakenMs: 0,
          startedAt: now,
          submittedAt: now,
        },
      });
      await tx.attemptAnswer.createMany({
        data: scored.questions.map((q) => ({
          attemptId: attempt.id,
          questionId: q.questionId,
          answer: q.answer === null ? Prisma.DbNull : q.answer,
          score: q.score,
          maxScore: q.maxScore,
          correct: q.correct,
        })),
      });
      const firstAtQuiz = await recordBestScore(tx, attempt);
      await recordPlay(tx, submission.quizId, firstAtQuiz);
      return attempt;
    });
    onEvent();
    return attempt;
  } catch (error) {
    // The same idempotency key raced in twice: the other request recorded it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const raced = await priorAttempt(db, submission);
      if (raced) return raced;
    }
    throw error;
  }
}

/**
 * Keeps BestScore (per quiz) and PlayerTotal (global) up to date, so leaderboards never scan attempts.
 * True when this was the player's first attempt at the quiz.
 */
async function recordBestScore(tx: Prisma.TransactionClient, attempt: Attempt): Promise<boolean> {
  const [best] = await tx.$queryRaw<Array<{ inserted: boolean }>>`
    INSERT INTO "BestScore" ("userId", "quizId", "attemptId", score, "maxScore", "timeTakenMs", "achievedAt")
    VALUES (${attempt.userId}::uuid, ${attempt.quizId}::uuid, ${attempt.id}::uuid, ${attempt.score}, ${attempt.maxScore},
            ${attempt.timeTakenMs}, ${attempt.submittedAt})
    ON CONFLICT ("userId", "quizId") DO UPDATE SET
      "attemptId" = EXCLUDED."attemptId", score = EXCLUDED.score, "maxScore" = EXCLUDED."maxScore",
      "timeTakenMs" = EXCLUDED."timeTakenMs", "achievedAt" = EXCLUDED."achievedAt"
    WHERE EXCLUDED.score > "BestScore".score
       OR (EXCLUDED.score = "BestScore".score AND EXCLUDED."timeTakenMs" < "BestScore"."timeTakenMs")
    RETURNING (xmax = 0) AS inserted`;
  await tx.$executeRaw`
    INSERT INTO "PlayerTotal" ("userId", "totalScore", "timeTakenMs", "achievedAt")
    SELECT "userId", sum(score), sum("timeTakenMs"), max("achievedAt") FROM "BestScore"
    WHERE "userId" = ${attempt.userId}::uuid GROUP BY "userId"
    ON CONFLICT ("userId") DO UPDATE SET
      "totalScore" = EXCLUDED."totalScore", "timeTakenMs" = EXCLUDED."timeTakenMs", "achievedAt" = EXCLUDED."achievedAt"`;
  return best?.inserted ?? false;
}

/**
 * Counts the attempt in the quiz's tally and tells quizzes the new counts (popularity) through the
 * outbox, in the submitting transaction: the event exists exactly when the attempt does.
 */
async function recordPlay(tx: Prisma.TransactionClient, quizId: string, newPlayer: boolean): Promise<void> {
  const [tally] = await tx.$queryRaw<Array<{ attempts: number; players: number }>>`
    INSERT INTO "QuizTally" ("quizId", attempts, players) VALUES (${quizId}::uuid, 1, 1)
    ON CONFLICT ("quizId") DO UPDATE SET
      attempts = "QuizTally".attempts + 1, players = "QuizTally".players + ${newPlayer ? 1 : 0}
    RETURNING attempts, players`;
  if (tally) await enqueueEvent(tx, { type: 'QuizPlayed', payload: { quizId, attempts: tally.attempts, players: tally.players } });
}
