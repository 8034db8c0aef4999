import type pg from 'pg';
import { Prisma, type PrismaClient } from './__generated__/prisma/client.js';
import { bucketCountsSql, GLOBAL_SCOPE, periodsSql, rankOrderSql } from './ranking.js';
import { SCORE_BUCKETS } from './stats.js';

/**
 * Every leaderboard and statistic recomputed set-wise from Attempt and AttemptAnswer: what the
 * submissions maintain one at a time (boards.ts), for a database filled in bulk (`pnpm bench` COPYs
 * synthetic attempts, then calls `rebuildAggregates`) and for the migration that introduced the
 * aggregates (its backfill is these statements as they were then). A handful of statements, each a
 * few sorts and hash aggregates over the attempts: minutes at ten million attempts, not hours.
 *
 * Run it on a quiet database: it empties the aggregates first (TRUNCATE waits for submissions in
 * flight, and holds new ones until it commits).
 *
 * Where attempts cannot tell: QuizTally.attempts and .players are kept where a tally exists (they are
 * counted as attempts arrive, including players since deleted); a deleted player's attempts count in
 * item analysis as first attempts when they were number 1.
 */

const BUCKETS = Prisma.raw(String(SCORE_BUCKETS));
/** The ten-bucket histogram of a group's rows by their `bucket` column. */
const HISTOGRAM = Prisma.raw(`ARRAY[${Array.from({ length: SCORE_BUCKETS }, (_, b) => `count(*) FILTER (WHERE bucket = ${b})::int`).join(', ')}]`);

/** Submitted attempts, each with its percentage (as scoring rounds it) and whether it was its player's first submission at the quiz. */
const SUBMITTED = Prisma.sql`
  SELECT a.*,
         CASE WHEN a."maxScore" = 0 THEN 0 ELSE round(100 * a.score / a."maxScore", 2) END AS pct,
         CASE WHEN a."userId" IS NULL THEN a.number = 1
              ELSE row_number() OVER (PARTITION BY a."userId", a."quizId" ORDER BY a."submittedAt", a.number) = 1 END AS first
  FROM "Attempt" a WHERE a.status = 'SUBMITTED'`;

/** The attempts that rank on their quiz's boards: every one under BEST, the player's first under FIRST, none after an archive. */
const RANKING_ATTEMPTS = Prisma.sql`
  SELECT s.id, s."userId", s."quizId", s.score, coalesce(s."timeTakenMs", 0)::bigint AS "timeTakenMs", s."submittedAt" AS "achievedAt"
  FROM (${SUBMITTED}) s LEFT JOIN "ArchivedQuiz" z ON z."quizId" = s."quizId"
  WHERE s."userId" IS NOT NULL
    AND (s.settings->>'leaderboardAttempt' IS DISTINCT FROM 'FIRST' OR s.first)
    AND (z."archivedAt" IS NULL OR s."submittedAt" <= z."archivedAt")`;

const EMPTY_AGGREGATES = Prisma.sql`TRUNCATE "BoardEntry", "BoardCount", "PlayerStats", "QuestionStats", "OptionChoice"`;

/** The boards: entries, then their bucket counts. */
function boardStatements(): Prisma.Sql[] {
  return [
    // Quiz boards: per quiz, window period and player, the ranking attempt that comes first in the board's order.
    Prisma.sql`INSERT INTO "BoardEntry" (scope, "window", period, "userId", "attemptId", score, "timeTakenMs", "achievedAt")
      SELECT DISTINCT ON (a."quizId", periods."window", periods.period, a."userId")
             a."quizId", periods."window", periods.period, a."userId", a.id, a.score, a."timeTakenMs", a."achievedAt"
      FROM (${RANKING_ATTEMPTS}) a CROSS JOIN LATERAL ${periodsSql(Prisma.sql`a."achievedAt"`)}
      ORDER BY a."quizId", periods."window", periods.period, a."userId", ${rankOrderSql('a')}`,

    // Global boards: each player's quiz entries of the same window period, summed.
    Prisma.sql`INSERT INTO "BoardEntry" (scope, "window", period, "userId", "attemptId", score, "timeTakenMs", "achievedAt")
      SELECT ${Prisma.raw(`'${GLOBAL_SCOPE}'::uuid`)}, "window", period, "userId", NULL, sum(score), sum("timeTakenMs"), max("achievedAt")
      FROM "BoardEntry" GROUP BY "window", period, "userId"`,

    Prisma.sql`INSERT INTO "BoardCount" (scope, "window", period, dimension, score, level, bucket, count)
      ${bucketCountsSql(Prisma.sql`SELECT scope, "window", period, score, "timeTakenMs" FROM "BoardEntry"`)}`,
  ];
}

/** Player and quiz statistics, item analysis. */
function statisticsStatements(): Prisma.Sql[] {
  return [
    // Streaks: consecutive days share day - row_number(); the last island is the current run.
    Prisma.sql`INSERT INTO "PlayerStats" ("userId", attempts, "quizzesCompleted", "percentageSum", "bestPercentage", "lastActiveDay", "streakRun", "longestStreak")
      SELECT t."userId", t.attempts, t.quizzes, t.pct_sum, t.best, r.last_day, r.run, r.longest
      FROM (SELECT "userId", count(*) AS attempts, count(DISTINCT "quizId") AS quizzes, sum(pct) AS pct_sum, max(pct) AS best
            FROM (${SUBMITTED}) s WHERE "userId" IS NOT NULL GROUP BY "userId") t
      JOIN (SELECT DISTINCT ON ("userId") "userId", island_end AS last_day, days AS run, max(days) OVER (PARTITION BY "userId") AS longest
            FROM (SELECT "userId", max(day) AS island_end, count(*) AS days
                  FROM (SELECT "userId", day, day - (row_number() OVER (PARTITION BY "userId" ORDER BY day))::int AS island
                        FROM (SELECT DISTINCT "userId", ("submittedAt" AT TIME ZONE 'UTC')::date AS day
                              FROM "Attempt" WHERE status = 'SUBMITTED' AND "userId" IS NOT NULL) d) i
                  GROUP BY "userId", island) islands
            ORDER BY "userId", island_end DESC) r ON r."userId" = t."userId"`,

    Prisma.sql`UPDATE "QuizTally" SET "percentageSum" = 0, buckets = array_fill(0, ARRAY[${BUCKETS}])`,
    Prisma.sql`INSERT INTO "QuizTally" ("quizId", attempts, players, "percentageSum", buckets)
      SELECT "quizId", count(*), count(DISTINCT "userId"), sum(pct),
             ${HISTOGRAM}
      FROM (SELECT s."quizId", s."userId", s.pct,
                   CASE WHEN s."maxScore" = 0 THEN 0 ELSE least(floor(s.score * 10 / s."maxScore"), ${BUCKETS} - 1) END AS bucket
            FROM (${SUBMITTED}) s) b
      GROUP BY "quizId"
      ON CONFLICT ("quizId") DO UPDATE SET "percentageSum" = EXCLUDED."percentageSum", buckets = EXCLUDED.buckets`,

    // Item analysis: x = the question's share of its points, y = the rest of the attempt's (stats.ts).
    Prisma.sql`INSERT INTO "QuestionStats" ("questionId", "quizId", "quizVersion", answered, "fractionSum", "firstAttempts", "sumX", "sumY", "sumXX", "sumYY", "sumXY")
      SELECT "questionId", "quizId", "quizVersion", count(*), sum(x), count(*) FILTER (WHERE first),
             coalesce(sum(x) FILTER (WHERE first), 0), coalesce(sum(y) FILTER (WHERE first), 0), coalesce(sum(x * x) FILTER (WHERE first), 0),
             coalesce(sum(y * y) FILTER (WHERE first), 0), coalesce(sum(x * y) FILTER (WHERE first), 0)
      FROM (SELECT aa."questionId", s."quizId", s."quizVersion", s.first,
                   (CASE WHEN aa."maxScore" > 0 THEN aa.score / aa."maxScore" WHEN aa.correct THEN 1 ELSE 0 END)::float8 AS x,
                   (CASE WHEN s."maxScore" > aa."maxScore" THEN (s.score - aa.score) / (s."maxScore" - aa."maxScore") ELSE 0 END)::float8 AS y
            FROM "AttemptAnswer" aa JOIN (${SUBMITTED}) s ON s.id = aa."attemptId") v
      GROUP BY "questionId", "quizId", "quizVersion"`,

    // Options chosen, once per answer (ORDERING: the item put first).
    Prisma.sql`INSERT INTO "OptionChoice" ("questionId", "optionId", count)
      SELECT aa."questionId", o.id, count(*)
      FROM "AttemptAnswer" aa JOIN "Attempt" a ON a.id = aa."attemptId" AND a.status = 'SUBMITTED'
      CROSS JOIN LATERAL (
        SELECT DISTINCT id FROM jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(aa.answer->'optionIds') = 'array' THEN aa.answer->'optionIds'
               WHEN jsonb_typeof(aa.answer->'order') = 'array' THEN jsonb_build_array(aa.answer->'order'->0)
               ELSE '[]'::jsonb END) AS e(id)
        WHERE id IS NOT NULL) o
      GROUP BY aa."questionId", o.id`,
  ];
}

/** Everything, in order: what the migration that introduced the aggregates ran as its backfill. */
export function rebuildStatements(): Prisma.Sql[] {
  return [EMPTY_AGGREGATES, ...boardStatements(), ...statisticsStatements()];
}

/** The tables refilled by the million: their indexes are built once at the end (a sort each), not row by row. */
const BULK_TABLES = Prisma.raw(`ARRAY['"BoardEntry"'::regclass, '"BoardCount"'::regclass]`);

/** How to drop and re-create those indexes, read from the catalog so that they never drift from the migrations. */
const BULK_INDEXES = Prisma.sql`
  SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS "drop",
         format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS "create"
  FROM pg_constraint c WHERE c.conrelid = ANY(${BULK_TABLES}) AND c.contype IN ('p', 'u')
  UNION ALL
  SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
  FROM pg_index i WHERE i.indrelid = ANY(${BULK_TABLES}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`;

interface SqlRunner {
  execute(statement: Prisma.Sql): Promise<unknown>;
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
}

async function rebuildWith(run: SqlRunner): Promise<void> {
  // Sorts and hash aggregates of millions of rows, and index builds: in memory rather than in spill files.
  await run.execute(Prisma.sql`SET LOCAL work_mem = '256MB'`);
  await run.execute(Prisma.sql`SET LOCAL maintenance_work_mem = '512MB'`);
  await run.execute(EMPTY_AGGREGATES);
  const indexes = await run.rows<{ drop: string; create: string }>(BULK_INDEXES);
  for (const index of indexes) await run.execute(Prisma.raw(index.drop));
  for (const statement of boardStatements()) await run.execute(statement);
  for (const index of indexes) await run.execute(Prisma.raw(index.create));
  for (const statement of statisticsStatements()) await run.execute(statement);
}

/**
 * Recomputes every board, bucket count and statistic from the attempts, in one transaction (its DDL
 * included: a failure leaves everything as it was), through the service's Prisma client or one pg
 * connection (a `pg.Client`, or a client checked out of a pool).
 */
export async function rebuildAggregates(db: PrismaClient | pg.ClientBase): Promise<void> {
  if ('$transaction' in db) {
    await db.$transaction(
      async (tx) => {
        // The service's connections cancel any statement past DATABASE_STATEMENT_TIMEOUT_MS; a rebuild
        // of millions of attempts takes longer, deliberately, within this transaction only.
        await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
        await rebuildWith({ execute: (sql) => tx.$executeRaw(sql), rows: (sql) => tx.$queryRaw(sql) });
      },
      {
        timeout: 3_600_000,
        maxWait: 60_000,
      },
    );
    return;
  }
  await db.query('BEGIN');
  try {
    await db.query('SET LOCAL statement_timeout = 0');
    await rebuildWith({ execute: (sql) => db.query(sql.text, sql.values), rows: async (sql) => (await db.query(sql.text, sql.values)).rows });
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/** The statements as plain SQL (they take no parameters), `;`-separated: what the migration's backfill holds. */
export function rebuildSqlScript(): string {
  return rebuildStatements()
    .map((statement) => {
      if (statement.values.length > 0) throw new Error('A rebuild statement takes parameters: it cannot be written into a migration.');
      return `${statement.text.trim()};`;
    })
    .join('\n\n');
}
