import type { DomainEvent } from './contract.js';
import type { SqlClient } from './sql.js';

/**
 * Records that an event is being applied, in the transaction that applies it; false when it already
 * was. Relays deliver at least once, so a consumer applies the event's effect only on true, and a
 * redelivery changes nothing. Every consuming service has the same "ProcessedEvent" table (see the
 * results service's Prisma model).
 */
export async function recordProcessedEvent(tx: SqlClient, event: Pick<DomainEvent, 'id' | 'type'>): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "ProcessedEvent" (id, type) VALUES (${event.id}::uuid, ${event.type}) ON CONFLICT (id) DO NOTHING`;
  return inserted > 0;
}
