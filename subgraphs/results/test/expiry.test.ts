import type { Logger } from '@quizgraph/service-kit';
import { silentLogger } from '@quizgraph/service-kit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '../src/__generated__/prisma/client.js';
import { isOverdue, startExpirySweeper, SUBMIT_GRACE_MS } from '../src/expiry.js';

describe('isOverdue', () => {
  const deadline = new Date('2026-11-23T12:00:00.000Z');
  const at = (ms: number) => new Date(deadline.getTime() + ms);

  it('leaves an attempt open until its deadline plus the grace', () => {
    expect(isOverdue({ status: 'IN_PROGRESS', deadline }, at(0))).toBe(false);
    expect(isOverdue({ status: 'IN_PROGRESS', deadline }, at(SUBMIT_GRACE_MS))).toBe(false);
    expect(isOverdue({ status: 'IN_PROGRESS', deadline }, at(SUBMIT_GRACE_MS + 1))).toBe(true);
  });

  it('never closes an untimed, submitted or expired attempt', () => {
    expect(isOverdue({ status: 'IN_PROGRESS', deadline: null }, at(1e12))).toBe(false);
    expect(isOverdue({ status: 'SUBMITTED', deadline }, at(1e9))).toBe(false);
    expect(isOverdue({ status: 'EXPIRED', deadline }, at(1e9))).toBe(false);
  });
});

describe('startExpirySweeper', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A database whose sweep statement reports `closed` rows, in batches of the sweeper's size. */
  function fakeDb(closed: number[]) {
    const cutoffs: Date[] = [];
    const db = {
      $executeRaw: vi.fn(async (_sql: TemplateStringsArray, cutoff: Date) => {
        cutoffs.push(cutoff);
        return closed.shift() ?? 0;
      }),
    };
    return { db: db as unknown as PrismaClient, calls: db.$executeRaw, cutoffs };
  }

  it('sweeps on its interval with the injected clock, and stops', async () => {
    vi.useFakeTimers();
    const now = new Date('2026-11-23T12:00:00.000Z');
    const { db, calls, cutoffs } = fakeDb([]);
    const sweeper = startExpirySweeper({ db, clock: () => now, intervalMs: 1_000, logger: silentLogger });
    expect(calls).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toHaveBeenCalledTimes(3);
    expect(cutoffs[0]).toEqual(new Date(now.getTime() - SUBMIT_GRACE_MS));
    await sweeper.stop();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toHaveBeenCalledTimes(3);
  });

  it('goes on while batches come back full', async () => {
    const { db, calls } = fakeDb([1_000, 1_000, 7]);
    const sweeper = startExpirySweeper({ db, clock: () => new Date(), intervalMs: 0, logger: silentLogger });
    expect(await sweeper.sweep()).toBe(2_007);
    expect(calls).toHaveBeenCalledTimes(3);
    await sweeper.stop();
  });

  it('runs no timer at interval 0, and logs a failed sweep instead of throwing', async () => {
    vi.useFakeTimers();
    const error = vi.fn();
    const logger = { ...silentLogger, error, info: vi.fn() } as unknown as Logger;
    const db = { $executeRaw: vi.fn().mockRejectedValue(new Error('database down')) } as unknown as PrismaClient;
    const sweeper = startExpirySweeper({ db, clock: () => new Date(), intervalMs: 0, logger });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(db.$executeRaw).not.toHaveBeenCalled();
    expect(await sweeper.sweep()).toBe(0);
    expect(error).toHaveBeenCalledTimes(1);
    await sweeper.stop();
  });
});
