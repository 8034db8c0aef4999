import { recordProcessedEvent, type DomainEvent, type EventOutcome, type EventPayload, type EventsConsumedBy } from '@quizgraph/events';
import type { Prisma, PrismaClient } from './__generated__/prisma/client.js';

/** Events other services publish to results (EVENT_ROUTES in @quizgraph/events), as results applies them. */
export type IncomingEvent = DomainEvent<EventsConsumedBy<'results'>>;

/**
 * Applies an event once: its id is recorded in the same transaction as its effect, so a redelivery
 * (the outbox retries until it hears 2xx) changes nothing.
 */
export async function applyEvent(db: PrismaClient, event: IncomingEvent): Promise<EventOutcome> {
  return db.$transaction(async (tx) => {
    if (!(await recordProcessedEvent(tx, event))) return 'duplicate';
    switch (event.type) {
      case 'UserDeleted':
        await applyUserDeleted(tx, event.payload);
        return 'applied';
      case 'QuizArchived':
        await applyQuizArchived(tx, event.payload);
        return 'applied';
    }
  });
}

/**
 * Anonymise: the attempts keep counting in quiz statistics, but no longer point at anyone, and the
 * player leaves every leaderboard.
 */
async function applyUserDeleted(tx: Prisma.TransactionClient, { userId }: EventPayload<'UserDeleted'>): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${userId}, 0))`;
  // Remembered, so a submission with a still-valid access token cannot bring the player back.
  await tx.$executeRaw`INSERT INTO "DeletedUser" ("userId") VALUES (${userId}::uuid) ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`UPDATE "Attempt" SET "userId" = NULL, "idempotencyKey" = NULL WHERE "userId" = ${userId}::uuid`;
  await tx.$executeRaw`DELETE FROM "BestScore" WHERE "userId" = ${userId}::uuid`;
  await tx.$executeRaw`DELETE FROM "PlayerTotal" WHERE "userId" = ${userId}::uuid`;
}

/**
 * Remembers that a quiz was archived, in "ArchivedQuiz". Archiving happens once: should a second event
 * name the same quiz, the first time stays (ON CONFLICT DO NOTHING).
 */
export async function applyQuizArchived(tx: Prisma.TransactionClient, { quizId, archivedAt }: EventPayload<'QuizArchived'>): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ArchivedQuiz" ("quizId", "archivedAt") VALUES (${quizId}::uuid, ${archivedAt}::timestamptz) ON CONFLICT DO NOTHING`;
}
