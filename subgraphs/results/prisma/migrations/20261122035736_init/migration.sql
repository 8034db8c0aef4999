-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Attempt" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "quizId" UUID NOT NULL,
    "quizVersion" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "score" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "correctCount" INTEGER NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "timeTakenMs" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttemptAnswer" (
    "attemptId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "selectedOptionIds" UUID[],
    "score" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,

    CONSTRAINT "AttemptAnswer_pkey" PRIMARY KEY ("attemptId","questionId")
);

-- CreateTable
CREATE TABLE "BestScore" (
    "userId" UUID NOT NULL,
    "quizId" UUID NOT NULL,
    "attemptId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "timeTakenMs" INTEGER NOT NULL,
    "achievedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BestScore_pkey" PRIMARY KEY ("userId","quizId")
);

-- CreateTable
CREATE TABLE "PlayerTotal" (
    "userId" UUID NOT NULL,
    "totalScore" INTEGER NOT NULL,
    "timeTakenMs" INTEGER NOT NULL,
    "achievedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlayerTotal_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "Attempt_quizId_submittedAt_idx" ON "Attempt"("quizId", "submittedAt");

-- CreateIndex
CREATE INDEX "Attempt_userId_submittedAt_idx" ON "Attempt"("userId", "submittedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_userId_idempotencyKey_key" ON "Attempt"("userId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "BestScore_quizId_score_timeTakenMs_achievedAt_idx" ON "BestScore"("quizId", "score" DESC, "timeTakenMs", "achievedAt");

-- CreateIndex
CREATE INDEX "PlayerTotal_totalScore_timeTakenMs_achievedAt_idx" ON "PlayerTotal"("totalScore" DESC, "timeTakenMs", "achievedAt");

-- AddForeignKey
ALTER TABLE "AttemptAnswer" ADD CONSTRAINT "AttemptAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
