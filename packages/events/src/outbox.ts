import { randomUUID } from 'node:crypto';
import { EVENT_PAYLOADS, type EventPayload, type EventType, type NewEvent } from './contract.js';
import type { Metrics } from '@quizgraph/service-kit';
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

/**
 * Enqueues an event that carries a state (the latest counts of something), replacing the payload of an
 * undelivered event of the same type about the same thing instead of adding another: consumers only
 * need the newest state, so a burst of changes costs one delivery. `about` names the payload field
 * that identifies the thing (e.g. `quizId`). A row a relay is delivering right now (leased, or being
 * claimed) is left as it is, and so is a dead letter: a new row follows it.
 */
export async function enqueueLatestState<T extends EventType>(tx: SqlClient, event: NewEvent<T>, about: keyof EventPayload<T> & string): Promise<string> {
  const payload = EVENT_PAYLOADS[event.type].parse(event.payload) as Record<string, unknown>;
  const json = JSON.stringify(payload);
  const id = randomUUID();
  // One statement: the pending row's payload replaced, or (none, or it is being delivered) a new row.
  // SKIP LOCKED: a relay's claim in progress holds the row's lock; once committed, its lease excludes it.
  const [enqueued] = await tx.$queryRaw<Array<{ id: string }>>`
    WITH pending AS (
      SELECT id FROM "OutboxEvent"
      -- Never handed to a relay's delivery: a row that was (failed, or its lease ran out mid-delivery)
      -- may still have been applied by a consumer, which would then drop a new payload under the same
      -- id as a duplicate. A relay clears the lease of rows it claimed but did not reach.
      WHERE "publishedAt" IS NULL AND "deadAt" IS NULL AND attempts = 0 AND "lockedUntil" IS NULL
        AND type = ${event.type} AND payload ->> ${about} = ${String(payload[about])}
      ORDER BY "createdAt" DESC LIMIT 1
      FOR UPDATE SKIP LOCKED
    ), replaced AS (
      UPDATE "OutboxEvent" o SET payload = ${json}::jsonb FROM pending WHERE o.id = pending.id RETURNING o.id
    ), added AS (
      INSERT INTO "OutboxEvent" (id, type, payload)
      SELECT ${id}::uuid, ${event.type}, ${json}::jsonb WHERE NOT EXISTS (SELECT 1 FROM pending)
      RETURNING id
    )
    SELECT id FROM replaced UNION ALL SELECT id FROM added`;
  return enqueued!.id;
}

/**
 * Puts dead letters back in line (all of them, or those of `ids`) once what refused them is fixed:
 * attempts start over and the relay delivers them on its next pass, at their original place in the
 * order. Answers how many were requeued.
 */
export async function requeueDeadEvents(db: SqlClient, ids?: readonly string[]): Promise<number> {
  if (ids) {
    return db.$executeRaw`
      UPDATE "OutboxEvent" SET "deadAt" = NULL, attempts = 0, "nextAttemptAt" = NULL, "lockedUntil" = NULL
      WHERE "deadAt" IS NOT NULL AND id = ANY(${[...ids]}::uuid[])`;
  }
  return db.$executeRaw`
    UPDATE "OutboxEvent" SET "deadAt" = NULL, attempts = 0, "nextAttemptAt" = NULL, "lockedUntil" = NULL WHERE "deadAt" IS NOT NULL`;
}

/** The outbox's backlog at each scrape: events waiting for delivery, and dead letters (metrics). */
export function addOutboxMetrics(metrics: Metrics, db: SqlClient): void {
  metrics.gauge('quizgraph_outbox_events', 'Outbox events not delivered: pending (to deliver or retry) and dead (dead letters).', ['state'], async () => {
    const [row] = await db.$queryRaw<Array<{ pending: number; dead: number }>>`
      SELECT count(*) FILTER (WHERE "deadAt" IS NULL)::int AS pending, count(*) FILTER (WHERE "deadAt" IS NOT NULL)::int AS dead
      FROM "OutboxEvent" WHERE "publishedAt" IS NULL`;
    return [
      { labels: { state: 'pending' }, value: row?.pending ?? 0 },
      { labels: { state: 'dead' }, value: row?.dead ?? 0 },
    ];
  });
}
