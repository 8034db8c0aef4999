import type { Logger } from '@quizgraph/service-kit';
import type { Attempt, Prisma, PrismaClient } from './__generated__/prisma/client.js';

/** The server's time; tests pass their own to move through deadlines without waiting. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * How long after its deadline an attempt still takes its answers: long enough for a submission sent
 * in the last second to cross the network, too short to answer another question.
 */
export const SUBMIT_GRACE_MS = 5_000;

/** How often, by default, the sweeper closes attempts whose time ran out unattended. */
export const DEFAULT_EXPIRY_SWEEP_MS = 30_000;

/** The latest deadline that has run out, grace included, at `now`. */
function cutoff(now: Date): Date {
  return new Date(now.getTime() - SUBMIT_GRACE_MS);
}

/** An open attempt whose deadline and grace have passed: it can no longer be submitted. */
export function isOverdue(attempt: Pick<Attempt, 'status' | 'deadline'>, now: Date): boolean {
  return attempt.status === 'IN_PROGRESS' && attempt.deadline !== null && attempt.deadline < cutoff(now);
}

/**
 * Closes, as EXPIRED, every open attempt whose deadline and grace have passed at `now`, in batches
 * (an index range on status and deadline). Attempts being submitted right now are skipped: their row
 * is locked, and the submission decides. Returns how many it closed.
 */
export async function closeExpiredAttempts(db: PrismaClient | Prisma.TransactionClient, now: Date, batchSize = 1_000): Promise<number> {
  let closed = 0;
  for (;;) {
    const count = await db.$executeRaw`
      UPDATE "Attempt" SET status = 'EXPIRED'
      WHERE id IN (SELECT id FROM "Attempt" WHERE status = 'IN_PROGRESS' AND deadline < ${cutoff(now)}
                   ORDER BY deadline LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`;
    closed += count;
    if (count < batchSize) return closed;
  }
}

/**
 * What a read shows of `attempts`: those overdue at `now` are closed first (an attempt past its time
 * never reads as open, even between two sweeps). Costs nothing when none is overdue.
 */
export async function closingOverdue(db: PrismaClient, attempts: Attempt[], now: Date): Promise<Attempt[]> {
  const overdue = attempts.filter((a) => isOverdue(a, now)).map((a) => a.id);
  if (overdue.length === 0) return attempts;
  // Only if still open: a submission that got in on time, and committed meanwhile, stands.
  await db.attempt.updateMany({
    where: { id: { in: overdue }, status: 'IN_PROGRESS', deadline: { lt: cutoff(now) } },
    data: { status: 'EXPIRED' },
  });
  const fresh = new Map((await db.attempt.findMany({ where: { id: { in: overdue } } })).map((a) => [a.id, a]));
  return attempts.map((a) => fresh.get(a.id) ?? a);
}

export interface ExpirySweeper {
  /** Runs one sweep now (and is what the timer runs). */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Closes attempts that ran out unattended every `intervalMs` (0: never; reads still close them as
 * they meet them). The timer does not keep the process alive, and `stop` waits for a sweep under way.
 */
export function startExpirySweeper(options: { db: PrismaClient; clock: Clock; intervalMs: number; logger: Logger }): ExpirySweeper {
  const { db, clock, intervalMs, logger } = options;
  let running: Promise<number> | undefined;
  const sweep = (): Promise<number> => {
    // One sweep at a time: a slow one is not overtaken by the next tick.
    running ??= closeExpiredAttempts(db, clock())
      .then((closed) => {
        if (closed > 0) logger.info({ closed }, 'closed expired attempts');
        return closed;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'expiry sweep failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = intervalMs > 0 ? setInterval(() => void sweep(), intervalMs) : undefined;
  timer?.unref();
  return {
    sweep,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
