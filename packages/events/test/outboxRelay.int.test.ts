import { createTestKeys, silentLogger } from '@quizgraph/service-kit/testing';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createOutboxRelay, requeueDeadEvents, type OutboxRelayOptions, type SqlClient } from '../src/index.js';

/**
 * The relay against real Postgres: a schema of its own holding a copy of the results service's migrated
 * "OutboxEvent" table (so the relays of services other tests run never see these rows), a consumer
 * played by a local HTTP server, and a clock the tests move instead of waiting.
 */
const schema = `relay_test_${randomUUID().replaceAll('-', '')}`;
let admin: pg.Client;
let pool: pg.Pool;
let db: SqlClient;
let consumer: Server;
let consumerUrl: string;
let signer: ReturnType<Awaited<ReturnType<typeof createTestKeys>>['signer']>;

/** What the consumer answers next (204 when the queue is empty), and what it received. */
let answers: Array<number | ((body: string, res: ServerResponse) => void)> = [];
let received: Array<{ id: string; type: string; payload: { quizId: string } }> = [];

/** A tagged-template SQL client over pg, shaped like Prisma's raw API (what the relay asks of a database). */
function sqlClient(p: pg.Pool): SqlClient {
  const text = (strings: TemplateStringsArray) => strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
  return {
    $executeRaw: async (strings, ...values) => (await p.query(text(strings), values)).rowCount ?? 0,
    $queryRaw: async <T>(strings: TemplateStringsArray, ...values: unknown[]) => (await p.query(text(strings), values)).rows as T,
  };
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject('databaseUrls').results });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`CREATE TABLE ${schema}."OutboxEvent" (LIKE public."OutboxEvent" INCLUDING ALL)`);
  pool = new pg.Pool({ connectionString: inject('databaseUrls').results, max: 2, options: `-c search_path=${schema}`, application_name: schema });
  db = sqlClient(pool);
  signer = (await createTestKeys()).signer('results');
  consumer = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const answer = answers.shift() ?? 204;
      if (typeof answer === 'function') return answer(raw, res);
      if (answer < 300) received.push(JSON.parse(raw));
      res.writeHead(answer, { 'content-type': 'application/json' }).end(answer < 300 ? undefined : JSON.stringify({ error: `refused with ${answer}` }));
    });
  });
  await new Promise<void>((resolve) => consumer.listen(0, '127.0.0.1', resolve));
  consumerUrl = `http://127.0.0.1:${(consumer.address() as AddressInfo).port}/internal/events`;
});

afterAll(async () => {
  await pool?.end();
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin?.end();
  await new Promise((resolve) => consumer?.close(resolve));
});

beforeEach(async () => {
  answers = [];
  received = [];
  await pool.query('DELETE FROM "OutboxEvent"');
});

/** Events in a known order: createdAt one millisecond apart (rows written in one transaction would tie). */
async function enqueue(count: number, payload?: (i: number) => unknown): Promise<string[]> {
  const ids: string[] = [];
  const base = Date.now() - 60_000;
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const body = payload ? payload(i) : { quizId: randomUUID(), attempts: i + 1, players: 1 };
    await pool.query(`INSERT INTO "OutboxEvent" (id, type, payload, "createdAt") VALUES ($1, 'QuizPlayed', $2::jsonb, $3)`, [
      id,
      JSON.stringify(body),
      new Date(base + i),
    ]);
    ids.push(id);
  }
  return ids;
}

interface Row {
  id: string;
  attempts: number;
  publishedAt: Date | null;
  deadAt: Date | null;
  nextAttemptAt: Date | null;
  lockedUntil: Date | null;
  lastError: string | null;
}
async function row(id: string): Promise<Row> {
  const { rows } = await pool.query<Row>(
    `SELECT id, attempts, "publishedAt", "deadAt", "nextAttemptAt", "lockedUntil", "lastError" FROM "OutboxEvent" WHERE id = $1`,
    [id],
  );
  return rows[0]!;
}

/** A relay for the results service whose clock the test holds. */
function relay(overrides: Partial<OutboxRelayOptions> = {}) {
  const clock = { now: new Date() };
  const core = createOutboxRelay({
    db,
    service: 'results',
    subscribers: () => [{ name: 'quizzes', url: consumerUrl }],
    signer,
    logger: silentLogger,
    clock: () => clock.now,
    random: () => 0.5,
    retryBaseMs: 1_000,
    retryMaxMs: 60_000,
    maxAttempts: 5,
    ...overrides,
  });
  return { ...core, clock, advance: (ms: number) => (clock.now = new Date(clock.now.getTime() + ms)) };
}

const deliveredIds = () => received.map((event) => event.id);

describe('outbox relay', () => {
  it('delivers in order and marks each event published, with no transaction open while the consumer answers', async () => {
    const ids = await enqueue(3);
    const r = relay();
    let duringDelivery: { openTransactions: number; lease: Date | null } | undefined;
    answers = [
      async (body, res) => {
        // The consumer holds the first delivery: meanwhile the claim is a committed lease, not a lock.
        const { rows } = await admin.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state LIKE 'idle in transaction%'`,
          [schema],
        );
        duringDelivery = { openTransactions: rows[0].n, lease: (await row(ids[0]!)).lockedUntil };
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      },
    ];
    expect(await r.relayOnce()).toEqual({ delivered: 3, deadLettered: 0, retrying: 0 });
    expect(duringDelivery?.openTransactions).toBe(0);
    expect(duringDelivery?.lease?.getTime()).toBe(r.clock.now.getTime() + 60_000);
    expect(deliveredIds()).toEqual(ids);
    for (const id of ids) expect(await row(id)).toMatchObject({ attempts: 1, publishedAt: r.clock.now, lockedUntil: null, deadAt: null });
    expect(await r.relayOnce()).toEqual({ delivered: 0, deadLettered: 0, retrying: 0 });
  });

  it('dead-letters an event the consumer refuses, with its reason, and delivers the events after it in order', async () => {
    const [refused, ...rest] = await enqueue(3);
    answers = [400];
    const r = relay();
    expect(await r.relayOnce()).toEqual({ delivered: 2, deadLettered: 1, retrying: 0 });
    expect(deliveredIds()).toEqual(rest);
    expect(await row(refused!)).toMatchObject({ attempts: 1, publishedAt: null, deadAt: r.clock.now, lockedUntil: null });
    expect((await row(refused!)).lastError).toMatch(/^quizzes answered 400: .*refused with 400/);
    // A dead letter stays put: later passes neither deliver it nor let it hold anything back.
    const [later] = await enqueue(1);
    expect(await r.relayOnce()).toEqual({ delivered: 1, deadLettered: 0, retrying: 0 });
    expect(deliveredIds()).toEqual([...rest, later]);
  });

  it('dead-letters an event whose payload breaks the contract without calling the consumer', async () => {
    const [broken, good] = await enqueue(2, (i) => (i === 0 ? { quizId: 'not a uuid' } : { quizId: randomUUID(), attempts: 1, players: 1 }));
    const r = relay();
    expect(await r.relayOnce()).toEqual({ delivered: 1, deadLettered: 1, retrying: 0 });
    expect(deliveredIds()).toEqual([good]);
    expect((await row(broken!)).lastError).toMatch(/breaks the contract/);
  });

  it('retries a failed delivery after an exponential backoff, holding back the events after it', async () => {
    const [first, second] = await enqueue(2);
    const r = relay();
    answers = [503];
    expect(await r.relayOnce()).toEqual({ delivered: 0, deadLettered: 0, retrying: 1 });
    // Jitter pinned at 0.5: three quarters of 1 s after the first failure.
    expect(await row(first!)).toMatchObject({ attempts: 1, nextAttemptAt: new Date(r.clock.now.getTime() + 750), lockedUntil: null, deadAt: null });
    expect((await row(first!)).lastError).toMatch(/quizzes answered 503/);
    expect((await row(second!)).lockedUntil).toBeNull();

    // Not due yet: nothing goes, not even the event behind it.
    r.advance(749);
    expect(await r.relayOnce()).toEqual({ delivered: 0, deadLettered: 0, retrying: 0 });
    expect(received).toEqual([]);

    // Due: it fails again, and the wait doubles.
    r.advance(1);
    answers = [503];
    expect(await r.relayOnce()).toMatchObject({ retrying: 1 });
    expect(await row(first!)).toMatchObject({ attempts: 2, nextAttemptAt: new Date(r.clock.now.getTime() + 1_500) });

    r.advance(1_500);
    expect(await r.relayOnce()).toEqual({ delivered: 2, deadLettered: 0, retrying: 0 });
    expect(deliveredIds()).toEqual([first, second]);
    expect(await row(first!)).toMatchObject({ attempts: 3, publishedAt: r.clock.now });
  });

  it('treats timeouts, 401, 404, 408 and 429 as passing failures, never as a refusal', async () => {
    const [id] = await enqueue(1);
    const r = relay({ deliveryTimeoutMs: 200, maxAttempts: 10 });
    const hang = (_body: string, res: ServerResponse) => setTimeout(() => res.writeHead(204).end(), 1_000);
    answers = [401, 404, 408, 429, hang];
    for (let i = 0; i < 5; i++) {
      expect(await r.relayOnce()).toEqual({ delivered: 0, deadLettered: 0, retrying: 1 });
      r.advance(60_000);
    }
    expect(await row(id!)).toMatchObject({ attempts: 5, deadAt: null });
    expect((await row(id!)).lastError).toMatch(/quizzes did not answer/);
  });

  it('gives an event up after maxAttempts failures, then delivers the rest; a requeued dead letter is delivered again', async () => {
    const [failing, next] = await enqueue(2);
    const r = relay({ maxAttempts: 3 });
    answers = [500, 500, 500];
    for (let i = 0; i < 2; i++) {
      expect(await r.relayOnce()).toEqual({ delivered: 0, deadLettered: 0, retrying: 1 });
      r.advance(60_000);
    }
    expect(await r.relayOnce()).toEqual({ delivered: 1, deadLettered: 1, retrying: 0 });
    expect(deliveredIds()).toEqual([next]);
    expect((await row(failing!)).lastError).toMatch(/^gave up after 3 attempts: quizzes answered 500/);

    expect(await requeueDeadEvents(db, [failing!])).toBe(1);
    expect(await r.relayOnce()).toEqual({ delivered: 1, deadLettered: 0, retrying: 0 });
    expect(deliveredIds()).toEqual([next, failing]);
  });

  it('leaves events leased by another relay alone until the lease runs out, and keeps order behind them', async () => {
    const [leased, after] = await enqueue(2);
    const r = relay();
    await pool.query(`UPDATE "OutboxEvent" SET "lockedUntil" = $2 WHERE id = $1`, [leased, new Date(r.clock.now.getTime() + 30_000)]);
    expect(await r.relayOnce()).toEqual({ delivered: 0, deadLettered: 0, retrying: 0 });
    // The other relay crashed: once its lease has run out, this one takes the event over.
    r.advance(30_000);
    expect(await r.relayOnce()).toEqual({ delivered: 2, deadLettered: 0, retrying: 0 });
    expect(deliveredIds()).toEqual([leased, after]);
  });

  it('writes no outcome for an event another relay took over while this one was delivering it', async () => {
    const [slow] = await enqueue(1);
    const r = relay();
    const otherLease = new Date(r.clock.now.getTime() + 120_000);
    answers = [
      async (body, res) => {
        // This relay stalled past its lease: another one took the event over meanwhile.
        await pool.query(`UPDATE "OutboxEvent" SET "lockedUntil" = $2 WHERE id = $1`, [slow, otherLease]);
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      },
    ];
    await r.relayOnce();
    // Still the other relay's to finish: not marked published (nor released) by this one.
    expect(await row(slow!)).toMatchObject({ publishedAt: null, attempts: 0, lockedUntil: otherLease });
  });

  it('releases what it has not reached when halted mid-pass', async () => {
    const ids = await enqueue(3);
    const r = relay();
    answers = [
      (body, res) => {
        void r.halt();
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      },
    ];
    expect(await r.relayOnce()).toEqual({ delivered: 1, deadLettered: 0, retrying: 0 });
    for (const id of ids.slice(1)) expect(await row(id)).toMatchObject({ lockedUntil: null, publishedAt: null });
  });
});
