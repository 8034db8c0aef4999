import { recordProcessedEvent, type DomainEvent, type EventOutcome, type EventsConsumedBy } from '@quizgraph/events';
import type { PrismaClient } from './__generated__/prisma/client.js';

/**
 * Applies an event from another service once: its id is recorded in the same transaction as its
 * effect, so a redelivery changes nothing.
 */
export async function applyEvent(db: PrismaClient, event: DomainEvent<EventsConsumedBy<'quizzes'>>): Promise<EventOutcome> {
  return db.$transaction(async (tx) => {
    if (!(await recordProcessedEvent(tx, event))) return 'duplicate';
    switch (event.type) {
      case 'QuizPlayed': {
        // Event-carried counts, which only grow: an event delivered late or out of order never
        // lowers them.
        const { quizId, attempts, players } = event.payload;
        await tx.$executeRaw`
          UPDATE "Quiz" SET "attemptCount" = greatest("attemptCount", ${attempts}), "playerCount" = greatest("playerCount", ${players})
          WHERE id = ${quizId}::uuid`;
        return 'applied';
      }
      case 'UserDeleted': {
        // Remembered, so that the account's tokens (valid until they expire) change nothing any more.
        // Its quizzes stay: players' attempts and boards refer to them.
        await tx.$executeRaw`INSERT INTO "DeletedUser" ("userId") VALUES (${event.payload.userId}::uuid) ON CONFLICT DO NOTHING`;
        return 'applied';
      }
    }
  });
}
