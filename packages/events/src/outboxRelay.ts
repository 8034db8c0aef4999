import { SERVICE_CREDENTIAL_HEADER, type Logger, type ServiceCredentialSigner } from '@quizgraph/service-kit';
import { parseEvent } from './contract.js';
import { consumersOf, eventsPublishedBy, type ServiceName } from './routing.js';
import type { TransactionalSqlClient } from './sql.js';

export interface Subscriber {
  /** The service name its credentials are addressed to, e.g. `results`. */
  name: string;
  /** Its internal events endpoint, e.g. http://results:4003/internal/events */
  url: string;
}

export interface OutboxRelayOptions {
  /** The publishing service's database, holding its "OutboxEvent" table. */
  db: TransactionalSqlClient;
  /** The publishing service: the relay delivers only the events the routing table says it publishes. */
  service: ServiceName;
  /** The subscribers known now; read at each delivery, so consumers may start after the publisher. */
  subscribers: () => Subscriber[];
  signer: ServiceCredentialSigner;
  logger: Logger;
  /** How often to look for unpublished events when nothing kicks the relay. */
  intervalMs?: number;
}

export interface OutboxRelay {
  /** Delivers pending events now (after a change that wrote one), without waiting for the interval. */
  kick(): void;
  /** Delivers whatever is pending; resolves when this pass is done. */
  deliverPending(): Promise<number>;
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  type: string;
  payload: unknown;
}

/**
 * Delivers each outbox event to the consumers of its type (EVENT_ROUTES), at least once and in order:
 * an event is marked published only when all of them answered 2xx, and is retried on the next pass
 * otherwise, holding back the events after it. Consumers apply events idempotently by id. Rows are
 * claimed with SKIP LOCKED, so several replicas can relay side by side.
 */
export function startOutboxRelay({ db, service, subscribers, signer, logger, intervalMs = 2_000 }: OutboxRelayOptions): OutboxRelay {
  const published = eventsPublishedBy(service);
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  async function deliver(row: OutboxRow): Promise<void> {
    // The row was checked when written; checked again because the contract may have changed since.
    const event = parseEvent(row, published);
    if (!event) throw new Error(`${row.type} is not an event ${service} publishes, or its payload breaks the contract`);
    const known = subscribers();
    const targets: Subscriber[] = [];
    const unknown: string[] = [];
    for (const name of consumersOf(event.type)) {
      const subscriber = known.find((s) => s.name === name);
      if (subscriber) targets.push(subscriber);
      else unknown.push(name);
    }
    // A consumer still starting: not delivered to everyone, so not published.
    if (unknown.length > 0) throw new Error(`no address is known yet for ${unknown.join(', ')}`);
    for (const { name, url } of targets) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SERVICE_CREDENTIAL_HEADER]: signer.credentialFor(name) },
        body: JSON.stringify({ id: event.id, type: event.type, payload: event.payload }),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`${name} answered ${response.status}`);
    }
  }

  async function pass(): Promise<number> {
    let delivered = 0;
    await db.$transaction(
      async (tx) => {
        const batch = await tx.$queryRaw<OutboxRow[]>`
          SELECT id, type, payload FROM "OutboxEvent" WHERE "publishedAt" IS NULL ORDER BY "createdAt" LIMIT 50 FOR UPDATE SKIP LOCKED`;
        for (const row of batch) {
          try {
            await deliver(row);
            await tx.$executeRaw`
              UPDATE "OutboxEvent" SET "publishedAt" = clock_timestamp(), attempts = attempts + 1 WHERE id = ${row.id}::uuid`;
            delivered += 1;
          } catch (error) {
            await tx.$executeRaw`
              UPDATE "OutboxEvent" SET attempts = attempts + 1, "lastError" = ${String(error).slice(0, 500)} WHERE id = ${row.id}::uuid`;
            logger.warn({ err: error, eventId: row.id, type: row.type }, 'event not delivered yet; will retry');
            break; // keep order: later events wait for this one
          }
        }
      },
      // Deliveries happen inside the transaction that holds the claims, each waiting up to 5 s.
      { timeout: 60_000 },
    );
    return delivered;
  }

  function deliverPending(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'outbox relay pass failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void deliverPending();
        }
      });
    return running;
  }

  const timer = setInterval(() => void deliverPending(), intervalMs);
  timer.unref();
  return {
    kick: () => void deliverPending(),
    deliverPending,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
