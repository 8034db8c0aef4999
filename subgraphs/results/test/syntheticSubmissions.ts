import { DEFAULT_SETTINGS, parseAnswers, scoreAttempt, type AnswerInput, type KeyedQuestion, type LeaderboardAttempt } from '@quizgraph/assessment';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../src/__generated__/prisma/client.js';
import { readPlayerNow, recordSubmission } from '../src/boards.js';
import { lockPlayer } from '../src/playerLock.js';
import type { AnswerKey } from '../src/quizKeys.js';

/**
 * Submissions without the attempt lifecycle: an attempt row as submissions.ts writes it, then
 * `readPlayerNow` and `recordSubmission` (its answers and aggregates) in the same transaction, with the time, the score and the clock the test chooses.
 * What the boards and statistics see is exactly what a real submission hands them.
 */
export interface Play {
  userId: string;
  quizId: string;
  /** A score without questions (leaderboard tests), or answers scored against `key` (statistics). */
  score?: number;
  maxScore?: number;
  key?: AnswerKey;
  answers?: AnswerInput[];
  timeTakenMs?: number;
  submittedAt?: Date;
  leaderboardAttempt?: LeaderboardAttempt;
}

/** `around` wraps the read and the write of the aggregates (to count their statements). */
export async function recordPlay(
  db: PrismaClient,
  play: Play,
  around: (record: () => Promise<unknown>) => Promise<unknown> = (record) => record(),
): Promise<string> {
  const scored = play.key
    ? scoreAttempt(play.key.questions, parseAnswers(play.key.questions, play.answers ?? []))
    : { score: play.score ?? 0, maxScore: play.maxScore ?? 100, correctCount: 0, questionCount: 0, questions: [] };
  const submittedAt = play.submittedAt ?? new Date();
  const timeTakenMs = play.timeTakenMs ?? 0;
  const leaderboardAttempt = play.leaderboardAttempt ?? play.key?.settings.leaderboardAttempt ?? 'BEST';
  return db.$transaction(async (tx) => {
    await lockPlayer(tx, play.userId);
    const prior = await tx.attempt.findMany({ where: { userId: play.userId, quizId: play.quizId }, select: { number: true, status: true } });
    const attempt = await tx.attempt.create({
      data: {
        userId: play.userId,
        quizId: play.quizId,
        quizVersion: play.key?.version ?? 1,
        status: 'SUBMITTED',
        number: prior.length + 1,
        settings: { ...DEFAULT_SETTINGS, leaderboardAttempt },
        score: scored.score,
        maxScore: scored.maxScore,
        correctCount: scored.correctCount,
        questionCount: scored.questionCount,
        timeTakenMs,
        startedAt: new Date(submittedAt.getTime() - timeTakenMs),
        submittedAt,
      },
    });
    await around(async () =>
      recordSubmission(
        tx,
        {
          attemptId: attempt.id,
          userId: play.userId,
          quizId: play.quizId,
          quizVersion: attempt.quizVersion,
          number: attempt.number,
          firstSubmission: !prior.some((p) => p.status === 'SUBMITTED'),
          leaderboardAttempt,
          score: scored.score,
          maxScore: scored.maxScore,
          timeTakenMs,
          submittedAt,
          questions: scored.questions,
        },
        await readPlayerNow(tx, play.userId, play.quizId, submittedAt),
        null,
      ),
    );
    return attempt.id;
  });
}

/** A single-choice question with `optionCount` options; the first is right. */
export function choiceQuestion(position: number, optionCount = 2, points = 1): KeyedQuestion {
  const options = Array.from({ length: optionCount }, (_, i) => ({ id: randomUUID(), label: `option ${i + 1}` }));
  return {
    id: randomUUID(),
    position,
    prompt: `Question ${position}`,
    explanation: null,
    type: 'SINGLE_CHOICE',
    points,
    content: { options },
    key: { correctOptionIds: [options[0]!.id] },
  };
}

/** An ORDERING question of three items, partial credit; the right order is the items' ids as listed. */
export function orderingQuestion(position: number, points = 1): KeyedQuestion & { type: 'ORDERING' } {
  const items = Array.from({ length: 3 }, (_, i) => ({ id: randomUUID(), label: `item ${i + 1}` }));
  return {
    id: randomUUID(),
    position,
    prompt: `Order ${position}`,
    explanation: null,
    type: 'ORDERING',
    points,
    content: { items: [items[2]!, items[0]!, items[1]!], scoring: 'PARTIAL' },
    key: { order: items.map((i) => i.id) },
  };
}

export function answerKey(questions: KeyedQuestion[], leaderboardAttempt: LeaderboardAttempt = 'BEST', authorId = randomUUID()): AnswerKey {
  return {
    quizId: randomUUID(),
    authorId,
    version: 1,
    currentVersion: 1,
    status: 'PUBLISHED',
    settings: { ...DEFAULT_SETTINGS, leaderboardAttempt },
    questions,
  };
}
