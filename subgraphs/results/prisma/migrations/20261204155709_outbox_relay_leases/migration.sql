-- DropIndex
DROP INDEX "OutboxEvent_publishedAt_createdAt_idx";

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "deadAt" TIMESTAMPTZ(3),
ADD COLUMN     "lockedUntil" TIMESTAMPTZ(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_deadAt_createdAt_idx" ON "OutboxEvent"("publishedAt", "deadAt", "createdAt");
