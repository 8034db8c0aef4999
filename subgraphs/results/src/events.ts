import { z } from 'zod';
import type { PrismaClient } from './__generated__/prisma/client.js';

/** Events other services publish through their outboxes, as results receives them. */
const eventSchema = z.discriminatedUnion('type', [
  z.object({ id: z.uuid(), type: z.literal('UserDeleted'), payload: z.object({ userId: z.uuid() }) }),
]);

export type IncomingEvent = z.infer<typeof eventSchema>;

export function parseEvent(body: unknown): IncomingEvent | null {
  const parsed = eventSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/**
 * Applies an event once: its id is recorded in the same transaction as its effect, so a redelivery
 * (the outbox retries until it hears 2xx) changes nothing.
 */
export async function applyEvent(db: PrismaClient, event: IncomingEvent): Promise<'applied' | 'duplicate'> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "ProcessedEvent" (id, type) VALUES (${event.id}::uuid, ${event.type}) ON CONFLICT (id) DO NOTHING`;
    if (inserted === 0) return 'duplicate';
    switch (event.type) {
      case 'UserDeleted': {
        // Anonymise: the attempts keep counting in quiz statistics, but no longer point at anyone,
        // and the player leaves every leaderboard.
        const { userId } = event.payload;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${userId}, 0))`;
        // Remembered, so a submission with a still-valid access token cannot bring the player back.
        await tx.$executeRaw`INSERT INTO "DeletedUser" ("userId") VALUES (${userId}::uuid) ON CONFLICT DO NOTHING`;
        await tx.$executeRaw`UPDATE "Attempt" SET "userId" = NULL, "idempotencyKey" = NULL WHERE "userId" = ${userId}::uuid`;
        await tx.$executeRaw`DELETE FROM "BestScore" WHERE "userId" = ${userId}::uuid`;
        await tx.$executeRaw`DELETE FROM "PlayerTotal" WHERE "userId" = ${userId}::uuid`;
        return 'applied';
      }
    }
  });
}
