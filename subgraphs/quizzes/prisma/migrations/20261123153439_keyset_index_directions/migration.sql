-- DropIndex
DROP INDEX "Quiz_status_createdAt_id_idx";

-- DropIndex
DROP INDEX "Quiz_authorId_createdAt_id_idx";

-- DropIndex
DROP INDEX "Quiz_status_attemptCount_id_idx";

-- CreateIndex
CREATE INDEX "Quiz_status_createdAt_id_idx" ON "Quiz"("status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Quiz_authorId_createdAt_id_idx" ON "Quiz"("authorId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Quiz_status_attemptCount_id_idx" ON "Quiz"("status", "attemptCount" DESC, "id" DESC);
