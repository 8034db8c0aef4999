import { SERVICE_CREDENTIAL_HEADER, type Logger, type ServiceCredentialSigner } from '@quizgraph/service-kit';
import { isEventType, parseEvent } from './contract.js';
import { consumersOf, eventsPublishedBy, type ServiceName } from './routing.js';
import type { SqlClient } from './sql.js';

export interface Subscriber {
  /** The service name its credentials are addressed to, e.g. `results`. */
  name: string;
  /** Its internal events endpoint, e.g. http://results:4003/internal/events */
  url: string;
}

/** How the relay paces itself; each service reads them from its environment (outboxRelaySettingsFromEnv). */
export interface OutboxRelaySettings {
  /** How often to look for due events when nothing kicks the relay. */
  intervalMs: number;
  /** How long one consumer may take to answer one delivery. */
  deliveryTimeoutMs: number;
  /** Events claimed per pass. */
  batchSize: number;
  /** Failed deliveries after which an event is given up (dead letter) and stops holding back the rest. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles with each further one, up to retryMaxMs (with jitter). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a claim holds a batch: another relay may take over events a crashed one left behind after it. */
  leaseMs: number;
}

export const DEFAULT_OUTBOX_RELAY_SETTINGS: OutboxRelaySettings = {
  intervalMs: 2_000,
  deliveryTimeoutMs: 5_000,
  batchSize: 50,
  // With the defaults, about an hour and a half of failures (1 s, 2 s, … 5 min, 5 min, …).
  maxAttempts: 25,
  retryBaseMs: 1_000,
  retryMaxMs: 300_000,
  leaseMs: 60_000,
};

export interface OutboxRelayOptions extends Partial<OutboxRelaySettings> {
  /** The publishing service's database, holding its "OutboxEvent" table. */
  db: SqlClient;
  /** The publishing service: the relay delivers only the events the routing table says it publishes. */
  service: ServiceName;
  /** The subscribers known now; read at each delivery, so consumers may start after the publisher. */
  subscribers: () => Subscriber[];
  signer: ServiceCredentialSigner;
  logger: Logger;
  /** The relay's time: when events are due, leased and published (tests move it instead of waiting). */
  clock?: () => Date;
  /** In [0, 1): the jitter of retry delays (tests pin it). */
  random?: () => number;
}

/** What one pass did. */
export interface RelayPassResult {
  delivered: number;
  /** Events given up in this pass: refused by a consumer, or out of attempts. */
  deadLettered: number;
  /** Events that failed and wait for a retry (at most one: it holds back the events after it). */
  retrying: number;
}

export interface OutboxRelay {
  /** Delivers due events now (after a change that wrote one), without waiting for the interval. */
  kick(): void;
  /** Runs one pass (or joins the running one and runs another after it); resolves with what it delivered. */
  deliverPending(): Promise<number>;
  /** One pass, awaited and reported: claim due events, deliver them in order, record each outcome. */
  relayOnce(): Promise<RelayPassResult>;
  /** Stops the timer and waits for the pass in progress, which releases the events it has not reached. */
  stop(): Promise<void>;
}

interface ClaimedRow {
  id: string;
  type: string;
  payload: unknown;
  attempts: number;
  position: number;
}

/** The relay without a timer: what tests drive, one pass at a time. */
export interface OutboxRelayCore extends Omit<OutboxRelay, 'kick' | 'stop'> {
  /** No pass starts any more; resolves when the one in progress has ended (releasing what it did not reach). */
  halt(): Promise<void>;
}

type Delivery = { ok: true } | { ok: false; permanent: boolean; reason: string };

/**
 * Whether a consumer's answer refuses the event itself, so that delivering it again cannot succeed:
 * a 4xx, except 408 and 429 (try later), 401 (the credential, not the event: a key being rolled out)
 * and 404 (no events endpoint at that address: a consumer not deployed yet, or a wrong URL), which a
 * fix on the other side cures without losing the event.
 */
export function isPermanentRejection(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 404, 408, 425, 429].includes(status);
}

/** The wait before retry number `failures` + 1: exponential, capped, with "equal jitter" (half fixed, half random). */
export function retryDelayMs(failures: number, settings: Pick<OutboxRelaySettings, 'retryBaseMs' | 'retryMaxMs'>, random: () => number = Math.random): number {
  const exponential = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

async function reasonOf(name: string, response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  return `${name} answered ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`;
}

/**
 * The relay without its timer: `relayOnce()` is one pass. Delivers each outbox event to the consumers of
 * its type (EVENT_ROUTES), at least once and in order; consumers apply events idempotently by id.
 *
 * No transaction stays open across an HTTP call: a pass claims a batch with a lease (`lockedUntil`) in
 * one statement, delivers outside any transaction, then records each outcome in one statement. Another
 * replica's relay skips leased events, and takes them over once a crashed relay's lease runs out.
 * Outcomes: all consumers answered 2xx → published; a consumer refused the event (see
 * isPermanentRejection) or its payload breaks the contract → dead letter (`deadAt`, `lastError`), and the
 * events after it go on; any other failure → retried after an exponential backoff, holding back the
 * events after it (order), until `maxAttempts` failures make it a dead letter too.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelayCore {
  const { db, service, subscribers, signer, logger } = options;
  const settings: OutboxRelaySettings = { ...DEFAULT_OUTBOX_RELAY_SETTINGS };
  for (const key of Object.keys(DEFAULT_OUTBOX_RELAY_SETTINGS) as Array<keyof OutboxRelaySettings>) {
    if (options[key] !== undefined) settings[key] = options[key];
  }
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const published = eventsPublishedBy(service);
  let halted = false;

  async function deliver(row: ClaimedRow): Promise<Delivery> {
    // The row was checked when written; checked again because the contract may have changed since.
    const event = parseEvent(row, published);
    if (!event) return { ok: false, permanent: true, reason: `${row.type} is not an event ${service} publishes, or its payload breaks the contract` };
    const known = subscribers();
    const targets: Subscriber[] = [];
    const unknown: string[] = [];
    for (const name of consumersOf(event.type)) {
      const subscriber = known.find((s) => s.name === name);
      if (subscriber) targets.push(subscriber);
      else unknown.push(name);
    }
    // A consumer still starting: not delivered to everyone, so not published.
    if (unknown.length > 0) return { ok: false, permanent: false, reason: `no address is known yet for ${unknown.join(', ')}` };
    const body = JSON.stringify({ id: event.id, type: event.type, payload: event.payload });
    for (const { name, url } of targets) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SERVICE_CREDENTIAL_HEADER]: signer.credentialFor(name) },
          body,
          signal: AbortSignal.timeout(settings.deliveryTimeoutMs),
        });
      } catch (error) {
        return { ok: false, permanent: false, reason: `${name} did not answer: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (!response.ok) return { ok: false, permanent: isPermanentRejection(response.status), reason: await reasonOf(name, response) };
      await response.body?.cancel();
    }
    return { ok: true };
  }

  /** Leases the oldest undelivered events, up to the first that is not due (or leased elsewhere): order holds. */
  async function claim(now: Date, until: Date): Promise<ClaimedRow[]> {
    const rows = await db.$queryRaw<ClaimedRow[]>`
      WITH head AS (
        SELECT id, "nextAttemptAt", "lockedUntil", row_number() OVER (ORDER BY "createdAt", id)::int AS position
        FROM (
          SELECT id, "createdAt", "nextAttemptAt", "lockedUntil" FROM "OutboxEvent"
          WHERE "publishedAt" IS NULL AND "deadAt" IS NULL
          ORDER BY "createdAt", id LIMIT ${settings.batchSize}::int
        ) pending
      ), claimable AS (
        SELECT id, position FROM head
        WHERE position < COALESCE(
          (SELECT min(position) FROM head WHERE "nextAttemptAt" > ${now}::timestamptz OR "lockedUntil" > ${now}::timestamptz),
          ${settings.batchSize}::int + 1)
      )
      UPDATE "OutboxEvent" o SET "lockedUntil" = ${until}::timestamptz
      FROM claimable
      -- Rechecked on the row itself: a relay that claimed it meanwhile wins, this one skips it.
      WHERE o.id = claimable.id AND o."publishedAt" IS NULL AND o."deadAt" IS NULL
        AND (o."lockedUntil" IS NULL OR o."lockedUntil" <= ${now}::timestamptz)
      RETURNING o.id::text AS id, o.type, o.payload, o.attempts, claimable.position`;
    return rows.sort((a, b) => a.position - b.position);
  }

  /** Gives back rows this pass leased (`lease`: its lockedUntil) and did not reach; another relay's lease is left alone. */
  async function release(rows: ClaimedRow[], lease: Date): Promise<void> {
    if (rows.length === 0) return;
    await db.$executeRaw`
      UPDATE "OutboxEvent" SET "lockedUntil" = NULL WHERE id = ANY(${rows.map((r) => r.id)}::uuid[]) AND "lockedUntil" = ${lease}::timestamptz`;
  }

  async function relayOnce(): Promise<RelayPassResult> {
    const result: RelayPassResult = { delivered: 0, deadLettered: 0, retrying: 0 };
    const claimedAt = clock();
    const leaseEnd = claimedAt.getTime() + settings.leaseMs;
    // The lease's end is also its token: outcomes are written only while this pass still holds it.
    const lease = new Date(leaseEnd);
    const rows = await claim(claimedAt, lease);
    for (const [index, row] of rows.entries()) {
      // Stopping, or the lease would run out during this delivery: leave the rest to the next pass.
      const worstCase = settings.deliveryTimeoutMs * (isEventType(row.type) ? consumersOf(row.type).length : 1);
      if (halted || (index > 0 && clock().getTime() + worstCase > leaseEnd)) {
        await release(rows.slice(index), lease);
        break;
      }
      const outcome = await deliver(row);
      const now = clock();
      const attempts = row.attempts + 1;
      if (outcome.ok) {
        await db.$executeRaw`
          UPDATE "OutboxEvent" SET "publishedAt" = ${now}::timestamptz, attempts = ${attempts}::int, "lockedUntil" = NULL
          WHERE id = ${row.id}::uuid AND "lockedUntil" = ${lease}::timestamptz`;
        result.delivered += 1;
        continue;
      }
      const reason = outcome.reason.slice(0, 500);
      if (outcome.permanent || attempts >= settings.maxAttempts) {
        const why = outcome.permanent ? reason : `gave up after ${attempts} attempts: ${reason}`;
        await db.$executeRaw`
          UPDATE "OutboxEvent" SET "deadAt" = ${now}::timestamptz, attempts = ${attempts}::int, "lastError" = ${why}, "lockedUntil" = NULL
          WHERE id = ${row.id}::uuid AND "lockedUntil" = ${lease}::timestamptz`;
        logger.error({ eventId: row.id, type: row.type, attempts, reason: why }, 'event dead-lettered: it no longer holds back the events after it');
        result.deadLettered += 1;
        continue;
      }
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts, settings, random));
      await db.$executeRaw`
        UPDATE "OutboxEvent" SET attempts = ${attempts}::int, "lastError" = ${reason}, "nextAttemptAt" = ${nextAttemptAt}::timestamptz, "lockedUntil" = NULL
        WHERE id = ${row.id}::uuid AND "lockedUntil" = ${lease}::timestamptz`;
      logger.warn({ eventId: row.id, type: row.type, attempts, reason, nextAttemptAt }, 'event not delivered yet; will retry');
      result.retrying = 1;
      // Keep order: the events after this one wait for it.
      await release(rows.slice(index + 1), lease);
      break;
    }
    return result;
  }

  let running: Promise<RelayPassResult> | undefined;
  let again = false;
  function deliverPending(): Promise<number> {
    if (running) {
      again = true;
      return running.then((r) => r.delivered);
    }
    running = relayOnce()
      .catch((error: unknown) => {
        if (!halted) logger.error({ err: error }, 'outbox relay pass failed');
        return { delivered: 0, deadLettered: 0, retrying: 0 };
      })
      .finally(() => {
        running = undefined;
        if (again && !halted) {
          again = false;
          void deliverPending();
        }
      });
    return running.then((r) => r.delivered);
  }

  return {
    relayOnce,
    deliverPending,
    async halt() {
      halted = true;
      await running;
    },
  };
}

/**
 * The relay with its timer (`intervalMs`) and `kick()`. Stop it before closing its database: `stop()`
 * waits for the pass in progress.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const relay = createOutboxRelay(options);
  const intervalMs = options.intervalMs ?? DEFAULT_OUTBOX_RELAY_SETTINGS.intervalMs;
  const timer = setInterval(() => void relay.deliverPending(), intervalMs);
  timer.unref();
  return {
    kick: () => void relay.deliverPending(),
    deliverPending: relay.deliverPending,
    relayOnce: relay.relayOnce,
    async stop() {
      clearInterval(timer);
      await relay.halt();
    },
  };
}
