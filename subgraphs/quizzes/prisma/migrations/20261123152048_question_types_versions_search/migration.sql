-- CreateEnum
CREATE TYPE "ScoringPolicy" AS ENUM ('CORRECTNESS', 'SPEED');

-- CreateEnum
CREATE TYPE "ReviewPolicy" AS ENUM ('SCORE_ONLY', 'QUESTION_RESULTS', 'CORRECT_ANSWERS', 'EXPLANATIONS');

-- CreateEnum
CREATE TYPE "LeaderboardAttempt" AS ENUM ('FIRST', 'BEST');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "QuestionType" ADD VALUE 'TRUE_FALSE';
ALTER TYPE "QuestionType" ADD VALUE 'MULTIPLE_CHOICE';
ALTER TYPE "QuestionType" ADD VALUE 'NUMERIC';
ALTER TYPE "QuestionType" ADD VALUE 'SHORT_TEXT';
ALTER TYPE "QuestionType" ADD VALUE 'ORDERING';

-- DropForeignKey
ALTER TABLE "Question" DROP CONSTRAINT "Question_quizId_fkey";

-- DropForeignKey
ALTER TABLE "Option" DROP CONSTRAINT "Option_questionId_fkey";

-- Search: title (A), tags (B), description (C) with the language-neutral 'simple' configuration
-- (quizzes are written in many languages, and prefix queries stand in for stemming). array_to_string is
-- only STABLE in general but immutable for text[], which a generated column needs said explicitly.
CREATE FUNCTION quiz_search_vector(title text, tags text[], description text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(array_to_string(tags, ' '), '')), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'C')
  $$;

-- AlterTable
ALTER TABLE "Quiz" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3),
ADD COLUMN     "attemptCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "playerCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (quiz_search_vector("title", "tags", "description")) STORED;

-- Quizzes archived before this migration get a time.
UPDATE "Quiz" SET "archivedAt" = "updatedAt" WHERE status = 'ARCHIVED';

-- AlterTable: single-choice questions move from Option rows to the assessment module's JSON shape,
-- keeping their option ids, so attempts already recorded still name real options.
ALTER TABLE "Question" ADD COLUMN     "content" JSONB,
ADD COLUMN     "key" JSONB;

UPDATE "Question" q SET
  "content" = jsonb_build_object('options', coalesce((
    SELECT jsonb_agg(jsonb_build_object('id', o.id::text, 'label', o.label) ORDER BY o.position)
    FROM "Option" o WHERE o."questionId" = q.id), '[]'::jsonb)),
  "key" = jsonb_build_object('correctOptionIds', coalesce((
    SELECT jsonb_agg(o.id::text ORDER BY o.position)
    FROM "Option" o WHERE o."questionId" = q.id AND o."isCorrect"), '[]'::jsonb));

ALTER TABLE "Question" ALTER COLUMN "content" SET NOT NULL, ALTER COLUMN "key" SET NOT NULL;

-- DropTable
DROP TABLE "Option";

-- CreateTable
CREATE TABLE "QuizVersion" (
    "quizId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "timeLimitSeconds" INTEGER,
    "maxAttempts" INTEGER,
    "scoringPolicy" "ScoringPolicy" NOT NULL DEFAULT 'CORRECTNESS',
    "shuffleQuestions" BOOLEAN NOT NULL DEFAULT false,
    "shuffleOptions" BOOLEAN NOT NULL DEFAULT false,
    "reviewPolicy" "ReviewPolicy" NOT NULL DEFAULT 'QUESTION_RESULTS',
    "leaderboardAttempt" "LeaderboardAttempt" NOT NULL DEFAULT 'BEST',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuizVersion_pkey" PRIMARY KEY ("quizId","version")
);

-- Every version that has questions, and every quiz's current version, gets its row (default settings).
INSERT INTO "QuizVersion" ("quizId", "version")
SELECT DISTINCT "quizId", "version" FROM "Question"
UNION
SELECT id, "version" FROM "Quiz";

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

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_createdAt_idx" ON "OutboxEvent"("publishedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Quiz_status_attemptCount_id_idx" ON "Quiz"("status", "attemptCount" DESC, "id");

-- CreateIndex
CREATE INDEX "Quiz_tags_idx" ON "Quiz" USING GIN ("tags");

-- CreateIndex (not expressible in schema.prisma): keyset pages ordered by title, case-insensitively.
CREATE INDEX "Quiz_status_lower_title_id_idx" ON "Quiz"("status", lower("title"), "id");

-- CreateIndex
CREATE INDEX "Quiz_searchVector_idx" ON "Quiz" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "QuizVersion" ADD CONSTRAINT "QuizVersion_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_quizId_version_fkey" FOREIGN KEY ("quizId", "version") REFERENCES "QuizVersion"("quizId", "version") ON DELETE CASCADE ON UPDATE CASCADE;
