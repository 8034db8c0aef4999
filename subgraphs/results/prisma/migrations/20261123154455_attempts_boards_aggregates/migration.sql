-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('IN_PROGRESS', 'SUBMITTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "LeaderboardWindow" AS ENUM ('ALL_TIME', 'MONTH', 'WEEK', 'DAY');

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "deadline" TIMESTAMPTZ(3),
ADD COLUMN     "number" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "startKey" TEXT,
ADD COLUMN     "status" "AttemptStatus" NOT NULL DEFAULT 'SUBMITTED',
ALTER COLUMN "score" DROP NOT NULL,
ALTER COLUMN "correctCount" DROP NOT NULL,
ALTER COLUMN "timeTakenMs" DROP NOT NULL,
ALTER COLUMN "timeTakenMs" DROP DEFAULT,
ALTER COLUMN "submittedAt" DROP NOT NULL,
ALTER COLUMN "submittedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "QuizTally" ADD COLUMN     "buckets" INTEGER[] DEFAULT ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::INTEGER[],
ADD COLUMN     "percentageSum" DECIMAL(20,4) NOT NULL DEFAULT 0;

-- Attempts recorded before numbering: numbered in the order they were taken.
UPDATE "Attempt" a SET "number" = n.rn
FROM (SELECT id, row_number() OVER (PARTITION BY "userId", "quizId" ORDER BY "startedAt", id)::int AS rn FROM "Attempt") n
WHERE a.id = n.id AND n.rn <> 1;

-- CreateTable
CREATE TABLE "BoardEntry" (
    "scope" UUID NOT NULL,
    "window" "LeaderboardWindow" NOT NULL,
    "period" DATE NOT NULL,
    "userId" UUID NOT NULL,
    "attemptId" UUID,
    "score" DECIMAL(16,4) NOT NULL,
    "timeTakenMs" BIGINT NOT NULL,
    "achievedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BoardEntry_pkey" PRIMARY KEY ("scope","window","period","userId")
);

-- CreateTable
CREATE TABLE "BoardCount" (
    "scope" UUID NOT NULL,
    "window" "LeaderboardWindow" NOT NULL,
    "period" DATE NOT NULL,
    "dimension" INTEGER NOT NULL,
    "score" DECIMAL(16,4) NOT NULL,
    "level" INTEGER NOT NULL,
    "bucket" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "BoardCount_pkey" PRIMARY KEY ("scope","window","period","dimension","score","level","bucket")
);

-- CreateTable
CREATE TABLE "PlayerStats" (
    "userId" UUID NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "quizzesCompleted" INTEGER NOT NULL DEFAULT 0,
    "percentageSum" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "bestPercentage" DECIMAL(7,2),
    "lastActiveDay" DATE,
    "streakRun" INTEGER NOT NULL DEFAULT 0,
    "longestStreak" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PlayerStats_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "QuestionStats" (
    "questionId" UUID NOT NULL,
    "quizId" UUID NOT NULL,
    "quizVersion" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "fractionSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "firstAttempts" INTEGER NOT NULL DEFAULT 0,
    "sumX" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sumY" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sumXX" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sumYY" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sumXY" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "QuestionStats_pkey" PRIMARY KEY ("questionId")
);

-- CreateTable
CREATE TABLE "OptionChoice" (
    "questionId" UUID NOT NULL,
    "optionId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OptionChoice_pkey" PRIMARY KEY ("questionId","optionId")
);

-- CreateIndex
CREATE INDEX "BoardEntry_scope_window_period_score_timeTakenMs_achievedAt_idx" ON "BoardEntry"("scope", "window", "period", "score" DESC, "timeTakenMs", "achievedAt", "userId");

-- CreateIndex
CREATE INDEX "BoardEntry_userId_idx" ON "BoardEntry"("userId");

-- CreateIndex
CREATE INDEX "QuestionStats_quizId_quizVersion_idx" ON "QuestionStats"("quizId", "quizVersion");

-- CreateIndex
CREATE INDEX "Attempt_userId_startedAt_id_idx" ON "Attempt"("userId", "startedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Attempt_userId_quizId_startedAt_id_idx" ON "Attempt"("userId", "quizId", "startedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Attempt_status_deadline_idx" ON "Attempt"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_userId_startKey_key" ON "Attempt"("userId", "startKey");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_userId_quizId_number_key" ON "Attempt"("userId", "quizId", "number");

-- Counters updated in place on every submission: room in each page lets the updates stay HOT
ALTER TABLE "BoardCount" SET (fillfactor = 80);
ALTER TABLE "PlayerStats" SET (fillfactor = 80);
ALTER TABLE "QuestionStats" SET (fillfactor = 80);
ALTER TABLE "OptionChoice" SET (fillfactor = 80);
ALTER TABLE "QuizTally" SET (fillfactor = 80);

-- Backfill: every board, bucket count and statistic from the attempts already recorded, as
-- rebuildStatements() in src/rebuild.ts wrote them when this migration was made (the rule's SQL comes
-- from src/ranking.ts). The ALL_TIME entries it finds are exactly the BestScore and PlayerTotal rows
-- (each player's best attempt per quiz, and their sum), which are then dropped.
TRUNCATE "BoardEntry", "BoardCount", "PlayerStats", "QuestionStats", "OptionChoice";

INSERT INTO "BoardEntry" (scope, "window", period, "userId", "attemptId", score, "timeTakenMs", "achievedAt")
      SELECT DISTINCT ON (a."quizId", periods."window", periods.period, a."userId")
             a."quizId", periods."window", periods.period, a."userId", a.id, a.score, a."timeTakenMs", a."achievedAt"
      FROM (
  SELECT s.id, s."userId", s."quizId", s.score, coalesce(s."timeTakenMs", 0)::bigint AS "timeTakenMs", s."submittedAt" AS "achievedAt"
  FROM (
  SELECT a.*,
         CASE WHEN a."maxScore" = 0 THEN 0 ELSE round(100 * a.score / a."maxScore", 2) END AS pct,
         CASE WHEN a."userId" IS NULL THEN a.number = 1
              ELSE row_number() OVER (PARTITION BY a."userId", a."quizId" ORDER BY a."submittedAt", a.number) = 1 END AS first
  FROM "Attempt" a WHERE a.status = 'SUBMITTED') s LEFT JOIN "ArchivedQuiz" z ON z."quizId" = s."quizId"
  WHERE s."userId" IS NOT NULL
    AND (s.settings->>'leaderboardAttempt' IS DISTINCT FROM 'FIRST' OR s.first)
    AND (z."archivedAt" IS NULL OR s."submittedAt" <= z."archivedAt")) a CROSS JOIN LATERAL (VALUES ('ALL_TIME'::"LeaderboardWindow", DATE '1970-01-01'),('MONTH'::"LeaderboardWindow", date_trunc('month', a."achievedAt" AT TIME ZONE 'UTC')::date),('WEEK'::"LeaderboardWindow", date_trunc('week', a."achievedAt" AT TIME ZONE 'UTC')::date),('DAY'::"LeaderboardWindow", date_trunc('day', a."achievedAt" AT TIME ZONE 'UTC')::date)) AS periods("window", period)
      ORDER BY a."quizId", periods."window", periods.period, a."userId", a."score" DESC, a."timeTakenMs" ASC, a."achievedAt" ASC, a."userId" ASC;

INSERT INTO "BoardEntry" (scope, "window", period, "userId", "attemptId", score, "timeTakenMs", "achievedAt")
      SELECT '00000000-0000-0000-0000-000000000000'::uuid, "window", period, "userId", NULL, sum(score), sum("timeTakenMs"), max("achievedAt")
      FROM "BoardEntry" GROUP BY "window", period, "userId";

INSERT INTO "BoardCount" (scope, "window", period, dimension, score, level, bucket, count)
      
    WITH e AS NOT MATERIALIZED (SELECT scope, "window", period, score, "timeTakenMs" FROM "BoardEntry"), d0_0 AS (SELECT scope, "window", period, (score * 10000)::bigint AS bucket, count(*) AS n FROM e GROUP BY 1, 2, 3, 4),d0_1 AS (SELECT scope, "window", period, bucket >> 8 AS bucket, sum(n) AS n FROM d0_0 GROUP BY 1, 2, 3, 4),d0_2 AS (SELECT scope, "window", period, bucket >> 8 AS bucket, sum(n) AS n FROM d0_1 GROUP BY 1, 2, 3, 4),d0_3 AS (SELECT scope, "window", period, bucket >> 8 AS bucket, sum(n) AS n FROM d0_2 GROUP BY 1, 2, 3, 4),d0_4 AS (SELECT scope, "window", period, bucket >> 8 AS bucket, sum(n) AS n FROM d0_3 GROUP BY 1, 2, 3, 4),d0_5 AS (SELECT scope, "window", period, bucket >> 8 AS bucket, sum(n) AS n FROM d0_4 GROUP BY 1, 2, 3, 4),d1_0 AS (SELECT scope, "window", period, score, "timeTakenMs"::bigint AS bucket, count(*) AS n FROM e GROUP BY 1, 2, 3, 4, 5),d1_1 AS (SELECT scope, "window", period, score, bucket >> 8 AS bucket, sum(n) AS n FROM d1_0 GROUP BY 1, 2, 3, 4, 5),d1_2 AS (SELECT scope, "window", period, score, bucket >> 8 AS bucket, sum(n) AS n FROM d1_1 GROUP BY 1, 2, 3, 4, 5),d1_3 AS (SELECT scope, "window", period, score, bucket >> 8 AS bucket, sum(n) AS n FROM d1_2 GROUP BY 1, 2, 3, 4, 5),d1_4 AS (SELECT scope, "window", period, score, bucket >> 8 AS bucket, sum(n) AS n FROM d1_3 GROUP BY 1, 2, 3, 4, 5),d1_5 AS (SELECT scope, "window", period, score, bucket >> 8 AS bucket, sum(n) AS n FROM d1_4 GROUP BY 1, 2, 3, 4, 5)
    SELECT scope, "window", period, dimension, score, level, bucket, (1 * n)::int AS count
    FROM (SELECT scope, "window", period, 0, 0::numeric, 0, bucket, n FROM d0_0 UNION ALL SELECT scope, "window", period, 0, 0::numeric, 1, bucket, n FROM d0_1 UNION ALL SELECT scope, "window", period, 0, 0::numeric, 2, bucket, n FROM d0_2 UNION ALL SELECT scope, "window", period, 0, 0::numeric, 3, bucket, n FROM d0_3 UNION ALL SELECT scope, "window", period, 0, 0::numeric, 4, bucket, n FROM d0_4 UNION ALL SELECT scope, "window", period, 0, 0::numeric, 5, bucket, n FROM d0_5 UNION ALL SELECT scope, "window", period, 1, score, 0, bucket, n FROM d1_0 UNION ALL SELECT scope, "window", period, 1, score, 1, bucket, n FROM d1_1 UNION ALL SELECT scope, "window", period, 1, score, 2, bucket, n FROM d1_2 UNION ALL SELECT scope, "window", period, 1, score, 3, bucket, n FROM d1_3 UNION ALL SELECT scope, "window", period, 1, score, 4, bucket, n FROM d1_4 UNION ALL SELECT scope, "window", period, 1, score, 5, bucket, n FROM d1_5) AS k(scope, "window", period, dimension, score, level, bucket, n);

INSERT INTO "PlayerStats" ("userId", attempts, "quizzesCompleted", "percentageSum", "bestPercentage", "lastActiveDay", "streakRun", "longestStreak")
      SELECT t."userId", t.attempts, t.quizzes, t.pct_sum, t.best, r.last_day, r.run, r.longest
      FROM (SELECT "userId", count(*) AS attempts, count(DISTINCT "quizId") AS quizzes, sum(pct) AS pct_sum, max(pct) AS best
            FROM (
  SELECT a.*,
         CASE WHEN a."maxScore" = 0 THEN 0 ELSE round(100 * a.score / a."maxScore", 2) END AS pct,
         CASE WHEN a."userId" IS NULL THEN a.number = 1
              ELSE row_number() OVER (PARTITION BY a."userId", a."quizId" ORDER BY a."submittedAt", a.number) = 1 END AS first
  FROM "Attempt" a WHERE a.status = 'SUBMITTED') s WHERE "userId" IS NOT NULL GROUP BY "userId") t
      JOIN (SELECT DISTINCT ON ("userId") "userId", island_end AS last_day, days AS run, max(days) OVER (PARTITION BY "userId") AS longest
            FROM (SELECT "userId", max(day) AS island_end, count(*) AS days
                  FROM (SELECT "userId", day, day - (row_number() OVER (PARTITION BY "userId" ORDER BY day))::int AS island
                        FROM (SELECT DISTINCT "userId", ("submittedAt" AT TIME ZONE 'UTC')::date AS day
                              FROM "Attempt" WHERE status = 'SUBMITTED' AND "userId" IS NOT NULL) d) i
                  GROUP BY "userId", island) islands
            ORDER BY "userId", island_end DESC) r ON r."userId" = t."userId";

UPDATE "QuizTally" SET "percentageSum" = 0, buckets = array_fill(0, ARRAY[10]);

INSERT INTO "QuizTally" ("quizId", attempts, players, "percentageSum", buckets)
      SELECT "quizId", count(*), count(DISTINCT "userId"), sum(pct),
             ARRAY[count(*) FILTER (WHERE bucket = 0)::int, count(*) FILTER (WHERE bucket = 1)::int, count(*) FILTER (WHERE bucket = 2)::int, count(*) FILTER (WHERE bucket = 3)::int, count(*) FILTER (WHERE bucket = 4)::int, count(*) FILTER (WHERE bucket = 5)::int, count(*) FILTER (WHERE bucket = 6)::int, count(*) FILTER (WHERE bucket = 7)::int, count(*) FILTER (WHERE bucket = 8)::int, count(*) FILTER (WHERE bucket = 9)::int]
      FROM (SELECT s."quizId", s."userId", s.pct,
                   CASE WHEN s."maxScore" = 0 THEN 0 ELSE least(floor(s.score * 10 / s."maxScore"), 10 - 1) END AS bucket
            FROM (
  SELECT a.*,
         CASE WHEN a."maxScore" = 0 THEN 0 ELSE round(100 * a.score / a."maxScore", 2) END AS pct,
         CASE WHEN a."userId" IS NULL THEN a.number = 1
              ELSE row_number() OVER (PARTITION BY a."userId", a."quizId" ORDER BY a."submittedAt", a.number) = 1 END AS first
  FROM "Attempt" a WHERE a.status = 'SUBMITTED') s) b
      GROUP BY "quizId"
      ON CONFLICT ("quizId") DO UPDATE SET "percentageSum" = EXCLUDED."percentageSum", buckets = EXCLUDED.buckets;

INSERT INTO "QuestionStats" ("questionId", "quizId", "quizVersion", answered, "fractionSum", "firstAttempts", "sumX", "sumY", "sumXX", "sumYY", "sumXY")
      SELECT "questionId", "quizId", "quizVersion", count(*), sum(x), count(*) FILTER (WHERE first),
             coalesce(sum(x) FILTER (WHERE first), 0), coalesce(sum(y) FILTER (WHERE first), 0), coalesce(sum(x * x) FILTER (WHERE first), 0),
             coalesce(sum(y * y) FILTER (WHERE first), 0), coalesce(sum(x * y) FILTER (WHERE first), 0)
      FROM (SELECT aa."questionId", s."quizId", s."quizVersion", s.first,
                   (CASE WHEN aa."maxScore" > 0 THEN aa.score / aa."maxScore" WHEN aa.correct THEN 1 ELSE 0 END)::float8 AS x,
                   (CASE WHEN s."maxScore" > aa."maxScore" THEN (s.score - aa.score) / (s."maxScore" - aa."maxScore") ELSE 0 END)::float8 AS y
            FROM "AttemptAnswer" aa JOIN (
  SELECT a.*,
         CASE WHEN a."maxScore" = 0 THEN 0 ELSE round(100 * a.score / a."maxScore", 2) END AS pct,
         CASE WHEN a."userId" IS NULL THEN a.number = 1
              ELSE row_number() OVER (PARTITION BY a."userId", a."quizId" ORDER BY a."submittedAt", a.number) = 1 END AS first
  FROM "Attempt" a WHERE a.status = 'SUBMITTED') s ON s.id = aa."attemptId") v
      GROUP BY "questionId", "quizId", "quizVersion";

INSERT INTO "OptionChoice" ("questionId", "optionId", count)
      SELECT aa."questionId", o.id, count(*)
      FROM "AttemptAnswer" aa JOIN "Attempt" a ON a.id = aa."attemptId" AND a.status = 'SUBMITTED'
      CROSS JOIN LATERAL (
        SELECT DISTINCT id FROM jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(aa.answer->'optionIds') = 'array' THEN aa.answer->'optionIds'
               WHEN jsonb_typeof(aa.answer->'order') = 'array' THEN jsonb_build_array(aa.answer->'order'->0)
               ELSE '[]'::jsonb END) AS e(id)
        WHERE id IS NOT NULL) o
      GROUP BY aa."questionId", o.id;

-- DropTable
DROP TABLE "BestScore";

-- DropTable
DROP TABLE "PlayerTotal";
