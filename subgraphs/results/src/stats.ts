import { Prisma, type PrismaClient } from './__generated__/prisma/client.js';

export interface AttemptAggregate {
  key: string;
  attempts: number;
  distinct: number;
  averagePercentage: number | null;
  bestPercentage: number | null;
}

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** Attempt counts and percentages per player, for many players in one statement. */
export async function userAggregates(db: PrismaClient, userIds: readonly string[]): Promise<Map<string, AttemptAggregate>> {
  const rows = await db.$queryRaw<AttemptAggregate[]>`
    SELECT "userId"::text AS key, count(*)::int AS attempts, count(DISTINCT "quizId")::int AS distinct,
           avg(100.0 * score / NULLIF("maxScore", 0))::float AS "averagePercentage",
           max(100.0 * score / NULLIF("maxScore", 0))::float AS "bestPercentage"
    FROM "Attempt" WHERE "userId" = ANY(${[...userIds]}::uuid[]) GROUP BY "userId"`;
  return new Map(rows.map((r) => [r.key, { ...r, averagePercentage: round2(r.averagePercentage), bestPercentage: round2(r.bestPercentage) }]));
}

/** The UTC days (YYYY-MM-DD) on which each player submitted, for streaks. */
export async function activeDays(db: PrismaClient, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db.$queryRaw<Array<{ userId: string; day: string }>>`
    SELECT DISTINCT "userId"::text AS "userId", to_char("submittedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
    FROM "Attempt" WHERE "userId" = ANY(${[...userIds]}::uuid[])`;
  const days = new Map<string, string[]>();
  for (const { userId, day } of rows) days.set(userId, [...(days.get(userId) ?? []), day]);
  return days;
}

/** count(*) of the attempts in each tenth of the percentage range; 100 % falls in the last. */
const BUCKET_COUNTS = Prisma.raw(
  Array.from({ length: 10 }, (_, b) => `(count(*) FILTER (WHERE least(floor(pct / 10), 9) = ${b}))::int`).join(', '),
);

export interface QuizAggregate extends AttemptAggregate {
  buckets: number[];
}

/** Attempts, players, average and a ten-bucket percentage histogram per quiz, in one statement. */
export async function quizAggregates(db: PrismaClient, quizIds: readonly string[]): Promise<Map<string, QuizAggregate>> {
  const rows = await db.$queryRaw<Array<AttemptAggregate & { buckets: number[] }>>`
    SELECT "quizId"::text AS key, count(*)::int AS attempts, count(DISTINCT "userId")::int AS distinct,
           avg(pct)::float AS "averagePercentage", max(pct)::float AS "bestPercentage",
           ARRAY[${BUCKET_COUNTS}] AS buckets
    FROM (SELECT "quizId", "userId", 100.0 * score / NULLIF("maxScore", 0) AS pct
          FROM "Attempt" WHERE "quizId" = ANY(${[...quizIds]}::uuid[])) p
    GROUP BY "quizId"`;
  return new Map(rows.map((r) => [r.key, { ...r, averagePercentage: round2(r.averagePercentage), bestPercentage: round2(r.bestPercentage) }]));
}
