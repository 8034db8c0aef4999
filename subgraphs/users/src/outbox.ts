import { SERVICE_CREDENTIAL_HEADER, type Logger, type ServiceCredentialSigner } from '@quizgraph/service-kit';
import type { OutboxEvent, Prisma, PrismaClient } from './__generated__/prisma/client.js';

/** Events the users service publishes. */
export type UsersEvent = { type: 'UserDeleted'; payload: { userId: string } };

/** Writes an event in the caller's transaction: it exists if and only if the change committed. */
export async function enqueueEvent(tx: Prisma.TransactionClient, event: UsersEvent): Promise<void> {
  await tx.outboxEvent.create({ data: { type: event.type, payload: event.payload } });
}

export interface Subscriber {
  /** The service name its credentials are addressed to, e.g. `results`. */
  name: string;
  /** Its internal events endpoint, e.g. http://results:4003/internal/events */
  url: string;
}

export interface OutboxRelayOptions {
  db: PrismaClient;
  /** Read at each delivery, so subscribers may start after the users service. */
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

/**
 * Delivers outbox events to every subscriber, at least once: an event is marked published only when
 * all of them answered 2xx, and is retried on the next pass otherwise. Consumers apply events
 * idempotently by id. Rows are claimed with SKIP LOCKED, so several replicas can relay side by side.
 */
export function startOutboxRelay({ db, subscribers, signer, logger, intervalMs = 2_000 }: OutboxRelayOptions): OutboxRelay {
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  async function deliver(event: OutboxEvent): Promise<void> {
    const targets = subscribers();
    // Nobody to tell yet (a subscriber still starting): not delivered, so not published.
    if (targets.length === 0) throw new Error('no subscriber is known yet');
    for (const subscriber of targets) {
      const response = await fetch(subscriber.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SERVICE_CREDENTIAL_HEADER]: signer.credentialFor(subscriber.name) },
        body: JSON.stringify({ id: event.id, type: event.type, payload: event.payload }),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`${subscriber.name} answered ${response.status}`);
    }
  }

  async function pass(): Promise<number> {
    let delivered = 0;
    await db.$transaction(
      async (tx) => {
        const batch = await tx.$queryRaw<OutboxEvent[]>`
          SELECT * FROM "OutboxEvent" WHERE "publishedAt" IS NULL ORDER BY "createdAt" LIMIT 50 FOR UPDATE SKIP LOCKED`;
        for (const event of batch) {
          try {
            await deliver(event);
            await tx.outboxEvent.update({ where: { id: event.id }, data: { publishedAt: new Date(), attempts: { increment: 1 } } });
            delivered += 1;
          } catch (error) {
            await tx.outboxEvent.update({ where: { id: event.id }, data: { attempts: { increment: 1 }, lastError: String(error).slice(0, 500) } });
            logger.warn({ err: error, eventId: event.id, type: event.type }, 'event not delivered yet; will retry');
            break; // keep order: later events wait for this one
          }
        }
      },
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
