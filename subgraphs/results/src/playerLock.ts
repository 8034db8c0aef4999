import type { Prisma } from './__generated__/prisma/client.js';

/**
 * Serialises, until the transaction ends, everything that changes one player's attempts: starting
 * (the attempt count and numbering), submitting (the aggregates, read then written) and deleting the
 * account (events.ts takes the same lock to anonymise). One lock per player, so no lock order to keep;
 * a player's own requests are too few for it to cost anything.
 */
export async function lockPlayer(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${userId}, 0))`;
}
