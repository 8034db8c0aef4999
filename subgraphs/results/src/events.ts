import { recordProcessedEvent, type DomainEvent, type EventOutcome, type EventPayload, type EventsConsumedBy } from '@quizgraph/events';
import type { Prisma, PrismaClient } from './__generated__/prisma/client.js';
import { removePlayerFromBoards } from './boards.js';
import { lockPlayer } from './playerLock.js';

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
 * Anonymise: the attempts keep counting in quiz statistics (and item analysis), but no longer point at
 * anyone; the player leaves every leaderboard, in every window and period, and their record goes.
 */
async function applyUserDeleted(tx: Prisma.TransactionClient, { userId }: EventPayload<'UserDeleted'>): Promise<void> {
  // The lock a submission takes: one in flight either lands before this (and is removed with the rest)
  // or sees DeletedUser and is refused.
  await lockPlayer(tx, userId);
  // Remembered, so a submission with a still-valid access token cannot bring the player back.
  await tx.$executeRaw`INSERT INTO "DeletedUser" ("userId") VALUES (${userId}::uuid) ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`UPDATE "Attempt" SET "userId" = NULL, "idempotencyKey" = NULL WHERE "userId" = ${userId}::uuid`;
  await removePlayerFromBoards(tx, userId);
  await tx.$executeRaw`DELETE FROM "PlayerStats" WHERE "userId" = ${userId}::uuid`;
}

/**
 * Archiving freezes the quiz's own boards and keeps its scores in the global sums: players earned those
 * points while the quiz was live, so the global boards do not take them back, and the quiz's boards stay
 * readable as they were (its DAY, WEEK and MONTH windows empty as their periods pass). Nothing on the
 * boards moves here: an archived quiz takes no new attempts (submissions refuse an ARCHIVED key), and a
 * late one (started before the archive) counts in the statistics but moves no board, because boards.ts
 * reads "ArchivedQuiz" (and rebuild.ts ranks no attempt submitted after `archivedAt`).
 *
 * Archiving happens once: should a second event name the same quiz, the first time stays.
 */
export async function applyQuizArchived(tx: Prisma.TransactionClient, { quizId, archivedAt }: EventPayload<'QuizArchived'>): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ArchivedQuiz" ("quizId", "archivedAt") VALUES (${quizId}::uuid, ${archivedAt}::timestamptz) ON CONFLICT DO NOTHING`;
}
