import { randomUUID } from 'node:crypto';
import { EVENT_PAYLOADS, type EventType, type NewEvent } from './contract.js';
import type { SqlClient } from './sql.js';

/**
 * Writes an event in the caller's transaction: it exists if and only if the change committed, and the
 * relay delivers it later. Every publishing service has the same "OutboxEvent" table (see the users
 * service's Prisma model); raw SQL keeps this independent of which client generated it.
 * The payload is checked here, so a row that breaks the contract never reaches the outbox.
 */
export async function enqueueEvent<T extends EventType>(tx: SqlClient, event: NewEvent<T>): Promise<string> {
  const payload = EVENT_PAYLOADS[event.type].parse(event.payload);
  // The table's id default lives in Prisma's client, not in the database, so the id is made here.
  const id = randomUUID();
  await tx.$executeRaw`
    INSERT INTO "OutboxEvent" (id, type, payload) VALUES (${id}::uuid, ${event.type}, ${JSON.stringify(payload)}::jsonb)`;
  return id;
}
