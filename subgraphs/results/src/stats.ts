import { percentage, type KeyedQuestion, type ScoredQuestion } from '@quizgraph/assessment';
import { Prisma, type PrismaClient } from './__generated__/prisma/client.js';
import { SCORE_SCALE, toScoreUnits } from './ranking.js';
import { currentStreak, type Streak } from './streaks.js';

/**
 * Player and quiz statistics and the authors' item analysis: the rules, the aggregates a submission
 * adds to (as SQL the submitting statement embeds) and their batched reads. Reads never scan attempts.
 */

const round2 = (value: number) => Math.round(value * 100) / 100;

// ---------------------------------------------------------------------------------------------------
// Rules

export const SCORE_BUCKETS = 10;

/** Which tenth of the percentage range a score falls in (100 % in the last), computed exactly on score units. */
export function percentageBucket(score: number | string, maxScore: number): number {
  if (maxScore <= 0) return 0;
  const tenths = (toScoreUnits(score) * 10n) / (BigInt(maxScore) * SCORE_SCALE);
  return Math.min(Math.max(Number(tenths), 0), SCORE_BUCKETS - 1);
}

/** A question's share of its points earned (0..1); a question worth no points counts as right or wrong. */
export function questionFraction(q: Pick<ScoredQuestion, 'score' | 'maxScore' | 'correct'>): number {
  return q.maxScore > 0 ? q.score / q.maxScore : q.correct ? 1 : 0;
}

/** The rest of the attempt's share of points, without question `q`: what discrimination correlates with. */
export function restFraction(attempt: { score: number; maxScore: number }, q: Pick<ScoredQuestion, 'score' | 'maxScore'>): number {
  const max = attempt.maxScore - q.maxScore;
  return max > 0 ? (attempt.score - q.score) / max : 0;
}

/** Running sums of (x, y) pairs, from which the Pearson correlation follows. */
export interface PairSums {
  n: number;
  sumX: number;
  sumY: number;
  sumXX: number;
  sumYY: number;
  sumXY: number;
}

/**
 * Pearson's r from running sums; null with fewer than two pairs or when either side does not vary
 * (within float noise of the sums), where the correlation is undefined.
 */
export function pearson({ n, sumX, sumY, sumXX, sumYY, sumXY }: PairSums): number | null {
  if (n < 2) return null;
  const varX = n * sumXX - sumX * sumX;
  const varY = n * sumYY - sumY * sumY;
  const noise = 1e-9 * n * n;
  if (varX <= noise || varY <= noise) return null;
  const r = (n * sumXY - sumX * sumY) / Math.sqrt(varX * varY);
  return Math.round(Math.min(1, Math.max(-1, r)) * 10_000) / 10_000;
}

// ---------------------------------------------------------------------------------------------------
// Writes: each a data-modifying CTE of the submitting statement (boards.ts)

export interface SubmissionFacts {
  userId: string;
  quizId: string;
  quizVersion: number;
  score: number;
  maxScore: number;
  firstSubmission: boolean;
  questions: readonly ScoredQuestion[];
}

/** Counters, the best and the streak of the player (the streak computed by the caller, under the player's lock). */
export function addToPlayerStatsSql(facts: SubmissionFacts, streak: Streak): Prisma.Sql {
  const pct = percentage(facts.score, facts.maxScore);
  return Prisma.sql`INSERT INTO "PlayerStats" AS p
      ("userId", attempts, "quizzesCompleted", "percentageSum", "bestPercentage", "lastActiveDay", "streakRun", "longestStreak")
    VALUES (${facts.userId}::uuid, 1, ${facts.firstSubmission ? 1 : 0}::int, ${pct}::numeric, ${pct}::numeric, ${streak.lastActiveDay}::date,
            ${streak.run}::int, ${streak.longest}::int)
    ON CONFLICT ("userId") DO UPDATE SET
      attempts = p.attempts + 1,
      "quizzesCompleted" = p."quizzesCompleted" + EXCLUDED."quizzesCompleted",
      "percentageSum" = p."percentageSum" + EXCLUDED."percentageSum",
      "bestPercentage" = greatest(p."bestPercentage", EXCLUDED."bestPercentage"),
      "lastActiveDay" = EXCLUDED."lastActiveDay", "streakRun" = EXCLUDED."streakRun", "longestStreak" = EXCLUDED."longestStreak"`;
}

/** The quiz's percentage sum and histogram (attempts and players are counted by the submission itself). */
export function addToQuizTallySql(facts: SubmissionFacts): Prisma.Sql {
  const bucket = percentageBucket(facts.score, facts.maxScore);
  const oneHot = Array.from({ length: SCORE_BUCKETS }, (_, b) => (b === bucket ? 1 : 0));
  const element = Prisma.raw(`buckets[${bucket + 1}]`);
  const newPlayer = facts.firstSubmission ? 1 : 0;
  // The attempt and (at a first submission) the player are counted here too: one write of this row,
  // which every submission to the quiz shares, per submission.
  return Prisma.sql`INSERT INTO "QuizTally" AS t ("quizId", attempts, players, "percentageSum", buckets)
    VALUES (${facts.quizId}::uuid, 1, 1, ${percentage(facts.score, facts.maxScore)}::numeric, ${oneHot}::int[])
    ON CONFLICT ("quizId") DO UPDATE SET
      attempts = t.attempts + 1, players = t.players + ${newPlayer}::int,
      "percentageSum" = t."percentageSum" + EXCLUDED."percentageSum", ${element} = coalesce(t.${element}, 0) + 1
    RETURNING attempts, players`;
}

/** Item analysis: every question's facility sums, and for a first submission the correlation sums. */
export function addToQuestionStatsSql(facts: SubmissionFacts): Prisma.Sql | null {
  if (facts.questions.length === 0) return null;
  // In question id order, like every writer of these shared rows: concurrent submissions never deadlock.
  const rows = [...facts.questions].sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
  const first = facts.firstSubmission ? 1 : 0;
  const xs = rows.map(questionFraction);
  const ys = rows.map((q) => restFraction(facts, q));
  const firstOnly = (values: number[]) => values.map((v) => v * first);
  return Prisma.sql`INSERT INTO "QuestionStats" AS s
      ("questionId", "quizId", "quizVersion", answered, "fractionSum", "firstAttempts", "sumX", "sumY", "sumXX", "sumYY", "sumXY")
    SELECT q, ${facts.quizId}::uuid, ${facts.quizVersion}::int, 1, x, ${first}::int, x * ${first}::int, y, x * x * ${first}::int, y * y, x * y
    FROM unnest(${rows.map((q) => q.questionId)}::uuid[], ${xs}::float8[], ${firstOnly(ys)}::float8[]) AS v(q, x, y)
    ON CONFLICT ("questionId") DO UPDATE SET
      answered = s.answered + 1, "fractionSum" = s."fractionSum" + EXCLUDED."fractionSum",
      "firstAttempts" = s."firstAttempts" + EXCLUDED."firstAttempts",
      "sumX" = s."sumX" + EXCLUDED."sumX", "sumY" = s."sumY" + EXCLUDED."sumY", "sumXX" = s."sumXX" + EXCLUDED."sumXX",
      "sumYY" = s."sumYY" + EXCLUDED."sumYY", "sumXY" = s."sumXY" + EXCLUDED."sumXY"`;
}

/** The options chosen (for ORDERING: the item put first), once each per question. */
export function chosenOptions(questions: readonly ScoredQuestion[]): Array<{ questionId: string; optionId: string }> {
  const chosen = new Map<string, { questionId: string; optionId: string }>();
  for (const { questionId, answer } of questions) {
    const ids = !answer ? [] : 'optionIds' in answer ? answer.optionIds : 'order' in answer ? answer.order.slice(0, 1) : [];
    for (const optionId of ids) chosen.set(`${questionId}|${optionId}`, { questionId, optionId });
  }
  return [...chosen.values()].sort((a, b) => (a.questionId !== b.questionId ? (a.questionId < b.questionId ? -1 : 1) : a.optionId < b.optionId ? -1 : 1));
}

export function addToOptionChoicesSql(questions: readonly ScoredQuestion[]): Prisma.Sql | null {
  const chosen = chosenOptions(questions);
  if (chosen.length === 0) return null;
  return Prisma.sql`INSERT INTO "OptionChoice" AS o ("questionId", "optionId", count)
    SELECT q, option, 1 FROM unnest(${chosen.map((c) => c.questionId)}::uuid[], ${chosen.map((c) => c.optionId)}::text[]) AS v(q, option)
    ON CONFLICT ("questionId", "optionId") DO UPDATE SET count = o.count + 1`;
}

// ---------------------------------------------------------------------------------------------------
// Reads, batched: one statement for any number of players, quizzes or questions

export interface PlayerRecord extends Streak {
  userId: string;
  attempts: number;
  quizzesCompleted: number;
  percentageSum: number;
  bestPercentage: number | null;
}

export async function playerRecords(db: PrismaClient, userIds: readonly string[]): Promise<Map<string, PlayerRecord>> {
  const rows = await db.$queryRaw<PlayerRecord[]>`
    SELECT "userId"::text AS "userId", attempts, "quizzesCompleted", "percentageSum"::float8 AS "percentageSum",
           "bestPercentage"::float8 AS "bestPercentage", "lastActiveDay"::text AS "lastActiveDay",
           "streakRun" AS run, "longestStreak" AS longest
    FROM "PlayerStats" WHERE "userId" = ANY(${[...userIds]}::uuid[])`;
  return new Map(rows.map((r) => [r.userId, r]));
}

export interface QuizTallyRecord {
  quizId: string;
  attempts: number;
  players: number;
  percentageSum: number;
  buckets: number[];
}

export async function quizTallies(db: PrismaClient, quizIds: readonly string[]): Promise<Map<string, QuizTallyRecord>> {
  const rows = await db.$queryRaw<QuizTallyRecord[]>`
    SELECT "quizId"::text AS "quizId", attempts, players, "percentageSum"::float8 AS "percentageSum", buckets
    FROM "QuizTally" WHERE "quizId" = ANY(${[...quizIds]}::uuid[])`;
  return new Map(rows.map((r) => [r.quizId, r]));
}

export interface QuestionRecord extends PairSums {
  questionId: string;
  answered: number;
  fractionSum: number;
  choices: Record<string, number>;
}

/** Question statistics with their option counts, for many questions (of many quizzes) in one statement. */
export async function questionRecords(db: PrismaClient, questionIds: readonly string[]): Promise<Map<string, QuestionRecord>> {
  const rows = await db.$queryRaw<QuestionRecord[]>`
    SELECT s."questionId"::text AS "questionId", s.answered, s."fractionSum", s."firstAttempts" AS n,
           s."sumX", s."sumY", s."sumXX", s."sumYY", s."sumXY",
           coalesce((SELECT jsonb_object_agg(o."optionId", o.count) FROM "OptionChoice" o WHERE o."questionId" = s."questionId"), '{}') AS choices
    FROM "QuestionStats" s WHERE s."questionId" = ANY(${[...questionIds]}::uuid[])`;
  return new Map(rows.map((r) => [r.questionId, r]));
}

// ---------------------------------------------------------------------------------------------------
// Views

export interface UserStatsView {
  attempts: number;
  quizzesCompleted: number;
  totalScore: number;
  averagePercentage: number | null;
  bestPercentage: number | null;
  currentStreakDays: number;
  longestStreakDays: number;
  rank: number | null;
}

/** A player's stats from their record and global all-time entry (null before their first attempt). */
export function userStatsView(record: PlayerRecord | undefined, global: { score: number; rank: number } | null, now: Date): UserStatsView {
  return {
    attempts: record?.attempts ?? 0,
    quizzesCompleted: record?.quizzesCompleted ?? 0,
    totalScore: global?.score ?? 0,
    averagePercentage: record && record.attempts > 0 ? round2(record.percentageSum / record.attempts) : null,
    bestPercentage: record?.bestPercentage ?? null,
    currentStreakDays: record ? currentStreak(record, now) : 0,
    longestStreakDays: record?.longest ?? 0,
    rank: global?.rank ?? null,
  };
}

/** Quiz.stats; `questions` is resolved apart, for its author and admins only. */
export interface QuizStatsView {
  quizId: string;
  attempts: number;
  players: number;
  averagePercentage: number | null;
  scoreDistribution: Array<{ fromPercentage: number; toPercentage: number; count: number }>;
}

export function quizStatsView(quizId: string, tally: QuizTallyRecord | undefined): QuizStatsView {
  const buckets = tally?.buckets ?? [];
  return {
    quizId,
    attempts: tally?.attempts ?? 0,
    players: tally?.players ?? 0,
    averagePercentage: tally && tally.attempts > 0 ? round2(tally.percentageSum / tally.attempts) : null,
    scoreDistribution: Array.from({ length: SCORE_BUCKETS }, (_, b) => ({
      fromPercentage: b * 10,
      toPercentage: b * 10 + 10,
      count: buckets[b] ?? 0,
    })),
  };
}

export interface QuestionStatsView {
  questionId: string;
  position: number;
  answered: number;
  facilityIndex: number | null;
  discriminationIndex: number | null;
  options: Array<{ optionId: string; count: number }>;
}

/** The options (or ORDERING items) a question offers, in the author's order; none for other types. */
function optionIdsOf(question: KeyedQuestion): string[] {
  const content = question.content as { options?: Array<{ id: string }>; items?: Array<{ id: string }> };
  return (content.options ?? content.items ?? []).map((o) => o.id);
}

/** Item analysis of one question of the key: facility (mean share of points), discrimination (Pearson r), choices. */
export function questionStatsView(question: KeyedQuestion, record: QuestionRecord | undefined): QuestionStatsView {
  return {
    questionId: question.id,
    position: question.position,
    answered: record?.answered ?? 0,
    facilityIndex: record && record.answered > 0 ? Math.round((record.fractionSum / record.answered) * 10_000) / 10_000 : null,
    discriminationIndex: record ? pearson(record) : null,
    options: optionIdsOf(question).map((optionId) => ({ optionId, count: record?.choices[optionId] ?? 0 })),
  };
}
