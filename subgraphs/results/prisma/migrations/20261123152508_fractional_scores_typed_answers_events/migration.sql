-- AlterTable
ALTER TABLE "Attempt" ALTER COLUMN "score" SET DATA TYPE DECIMAL(12,4);

-- AlterTable: the chosen options of recorded single-choice answers move into the typed answer JSON.
ALTER TABLE "AttemptAnswer" ADD COLUMN     "answer" JSONB,
ALTER COLUMN "score" SET DATA TYPE DECIMAL(12,4);

UPDATE "AttemptAnswer" SET "answer" = CASE
  WHEN cardinality("selectedOptionIds") = 0 THEN NULL
  ELSE jsonb_build_object('optionIds', to_jsonb("selectedOptionIds"::text[])) END;

ALTER TABLE "AttemptAnswer" DROP COLUMN "selectedOptionIds";

-- AlterTable
ALTER TABLE "BestScore" ALTER COLUMN "score" SET DATA TYPE DECIMAL(12,4);

-- AlterTable
ALTER TABLE "PlayerTotal" ALTER COLUMN "totalScore" SET DATA TYPE DECIMAL(16,4);

-- CreateTable
CREATE TABLE "QuizTally" (
    "quizId" UUID NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "players" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QuizTally_pkey" PRIMARY KEY ("quizId")
);

-- Tallies of the attempts recorded so far.
INSERT INTO "QuizTally" ("quizId", attempts, players)
SELECT "quizId", count(*)::int, count(DISTINCT "userId")::int FROM "Attempt" GROUP BY "quizId";

-- CreateTable
CREATE TABLE "ArchivedQuiz" (
    "quizId" UUID NOT NULL,
    "archivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ArchivedQuiz_pkey" PRIMARY KEY ("quizId")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_createdAt_idx" ON "OutboxEvent"("publishedAt", "createdAt");
