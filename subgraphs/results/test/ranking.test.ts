import { describe, expect, it } from 'vitest';
import {
  aheadRanges,
  bucketDeltas,
  bucketKeys,
  compareBuckets,
  compareStandings,
  entryMoves,
  GLOBAL_SCOPE,
  improves,
  LEVELS,
  pageRanks,
  periodStart,
  periodsOf,
  scoreText,
  sharedRanks,
  toScoreUnits,
  type BoardKey,
  type RankedStanding,
  type RankedSubmission,
  type Standing,
} from '../src/ranking.js';

const at = (iso: string) => new Date(iso);
const standing = (score: number, time: number, achieved = '2026-01-01T00:00:00Z', userId = 'u'): RankedStanding => ({
  scoreUnits: toScoreUnits(score),
  timeTakenMs: BigInt(time),
  achievedAt: at(achieved),
  userId,
});

/** A deterministic generator (mulberry32): the random data is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('order and shared ranks', () => {
  it('ranks higher scores first, equal ones sharing a rank (1, 2, 2, 4)', () => {
    const sorted = [standing(3, 0), standing(2, 0), standing(2, 0), standing(0, 0)];
    expect(sharedRanks(sorted)).toEqual([1, 2, 2, 4]);
  });

  it('breaks a score tie by less time, and shares a rank only for equal score and time', () => {
    const rows = [
      standing(2, 900, '2026-01-01T00:00:00Z', 'a'),
      standing(2, 500, '2026-01-02T00:00:00Z', 'b'),
      standing(2, 500, '2026-01-01T00:00:00Z', 'c'),
      standing(3, 10_000, '2026-01-03T00:00:00Z', 'd'),
    ];
    const sorted = [...rows].sort(compareStandings);
    expect(sorted.map((s) => s.userId)).toEqual(['d', 'c', 'b', 'a']);
    expect(sharedRanks(sorted)).toEqual([1, 2, 2, 4]);
  });

  it('orders a full tie by earlier achievement, then by user id, without changing the shared rank', () => {
    const sorted = [standing(1, 5, '2026-01-02T00:00:00Z', 'a'), standing(1, 5, '2026-01-01T00:00:00Z', 'z'), standing(1, 5, '2026-01-01T00:00:00Z', 'b')].sort(
      compareStandings,
    );
    expect(sorted.map((s) => s.userId)).toEqual(['b', 'z', 'a']);
    expect(sharedRanks(sorted)).toEqual([1, 1, 1]);
  });

  it('replaces an entry only with a strictly better attempt', () => {
    const current = standing(2, 500);
    expect(improves(standing(3, 9_999), current)).toBe(true);
    expect(improves(standing(2, 499), current)).toBe(true);
    expect(improves(standing(2, 500, '2020-01-01T00:00:00Z'), current)).toBe(false);
    expect(improves(standing(1.9999, 0), current)).toBe(false);
    expect(improves(standing(0, 0), undefined)).toBe(true);
  });

  it('keeps scores exact to 1/10,000 of a point', () => {
    expect(toScoreUnits('3.3333')).toBe(33_333n);
    expect(toScoreUnits(0.3333)).toBe(3_333n);
    expect(toScoreUnits('10')).toBe(100_000n);
    expect(toScoreUnits('0.5')).toBe(5_000n);
    expect(scoreText(33_333n)).toBe('3.3333');
    expect(scoreText(5n)).toBe('0.0005');
    expect(toScoreUnits(scoreText(123_456_789n))).toBe(123_456_789n);
  });
});

describe('windows', () => {
  it('cuts days at UTC midnight', () => {
    expect(periodStart('DAY', at('2026-11-22T23:59:59.999Z'))).toBe('2026-11-22');
    expect(periodStart('DAY', at('2026-11-23T00:00:00.000Z'))).toBe('2026-11-23');
    // 00:30 in Paris is still the previous UTC day.
    expect(periodStart('DAY', at('2024-03-01T00:30:00+01:00'))).toBe('2024-02-29');
  });

  it('starts ISO weeks on Monday, across months and years', () => {
    // 2024-01-01 is a Monday.
    expect(periodStart('WEEK', at('2024-01-01T00:00:00.000Z'))).toBe('2024-01-01');
    expect(periodStart('WEEK', at('2023-12-31T23:59:59.999Z'))).toBe('2023-12-25');
    expect(periodStart('WEEK', at('2024-01-07T23:59:59.999Z'))).toBe('2024-01-01');
    expect(periodStart('WEEK', at('2024-01-08T00:00:00.000Z'))).toBe('2024-01-08');
    // A week that starts in December 2024 and ends in January 2025.
    expect(periodStart('WEEK', at('2025-01-05T12:00:00Z'))).toBe('2024-12-30');
    expect(periodStart('WEEK', at('2024-03-03T23:59:59.999Z'))).toBe('2024-02-26');
  });

  it('starts months on the 1st (leap February included)', () => {
    expect(periodStart('MONTH', at('2024-02-29T23:59:59.999Z'))).toBe('2024-02-01');
    expect(periodStart('MONTH', at('2024-03-01T00:00:00.000Z'))).toBe('2024-03-01');
    expect(periodStart('MONTH', at('2024-12-31T23:59:59.999Z'))).toBe('2024-12-01');
    expect(periodStart('MONTH', at('2025-01-01T00:00:00.000Z'))).toBe('2025-01-01');
  });

  it('has one ALL_TIME period', () => {
    expect(periodStart('ALL_TIME', at('2026-11-23T10:00:00Z'))).toBe('1970-01-01');
    expect(periodsOf(at('2024-02-29T10:00:00Z'))).toEqual([
      { window: 'ALL_TIME', period: '1970-01-01' },
      { window: 'MONTH', period: '2024-02-01' },
      { window: 'WEEK', period: '2024-02-26' },
      { window: 'DAY', period: '2024-02-29' },
    ]);
  });
});

describe('entry moves', () => {
  const quizId = 'q1';
  const submission = (score: number, time: number, when: string, extra: Partial<RankedSubmission> = {}): RankedSubmission => ({
    userId: 'u1',
    quizId,
    attemptId: `a-${score}-${when}`,
    scoreUnits: toScoreUnits(score),
    timeTakenMs: BigInt(time),
    submittedAt: at(when),
    leaderboardAttempt: 'BEST',
    firstSubmission: false,
    ...extra,
  });
  /** Boards as a player's entries, applying moves the way boards.ts does. */
  function play(submissions: RankedSubmission[]) {
    const entries = new Map<string, Standing>();
    const id = (b: BoardKey) => `${b.scope}|${b.window}|${b.period}`;
    const log: number[] = [];
    for (const s of submissions) {
      const moves = entryMoves(s, (b) => entries.get(id(b)));
      log.push(moves.length);
      for (const m of moves) if (m.to) entries.set(id(m.board), m.to);
    }
    const score = (scope: string, window: string, period: string) => {
      const e = entries.get(`${scope}|${window}|${period}`);
      return e ? Number(scoreText(e.scoreUnits)) : undefined;
    };
    return { entries, log, score };
  }

  it('puts a first attempt on the quiz and global boards of every window', () => {
    const { log, score } = play([submission(5, 100, '2024-02-29T10:00:00Z', { firstSubmission: true })]);
    expect(log).toEqual([8]);
    for (const [window, period] of [
      ['ALL_TIME', '1970-01-01'],
      ['MONTH', '2024-02-01'],
      ['WEEK', '2024-02-26'],
      ['DAY', '2024-02-29'],
    ] as const) {
      expect(score(quizId, window, period)).toBe(5);
      expect(score(GLOBAL_SCOPE, window, period)).toBe(5);
    }
  });

  it('BEST: keeps the best attempt per period, and never inflates the global sum by replaying', () => {
    const { log, score } = play([
      submission(5, 100, '2024-02-29T10:00:00Z', { firstSubmission: true }),
      submission(5, 100, '2024-02-29T11:00:00Z'), // a replay as good: nothing moves
      submission(4, 50, '2024-02-29T12:00:00Z'), // worse: nothing moves
      submission(3, 10, '2024-03-01T09:00:00Z'), // a new day and month: only those periods
      submission(7, 200, '2024-03-01T10:00:00Z'), // better everywhere
    ]);
    expect(log).toEqual([8, 0, 0, 4, 8]);
    expect(score(quizId, 'ALL_TIME', '1970-01-01')).toBe(7);
    expect(score(GLOBAL_SCOPE, 'ALL_TIME', '1970-01-01')).toBe(7);
    expect(score(GLOBAL_SCOPE, 'DAY', '2024-02-29')).toBe(5);
    expect(score(GLOBAL_SCOPE, 'DAY', '2024-03-01')).toBe(7);
    expect(score(GLOBAL_SCOPE, 'WEEK', '2024-02-26')).toBe(7);
    expect(score(GLOBAL_SCOPE, 'MONTH', '2024-02-01')).toBe(5);
  });

  it('sums the quizzes on the global board and moves it by the improvement only, time included', () => {
    const { entries } = play([
      submission(5, 100, '2024-02-29T10:00:00Z', { firstSubmission: true }),
      submission(3, 40, '2024-02-29T10:05:00Z', { quizId: 'q2', firstSubmission: true }),
      submission(5, 60, '2024-02-29T10:10:00Z'), // same score on q1, less time
    ]);
    const total = entries.get(`${GLOBAL_SCOPE}|ALL_TIME|1970-01-01`)!;
    expect(total.scoreUnits).toBe(toScoreUnits(8));
    expect(total.timeTakenMs).toBe(100n);
    expect(total.achievedAt).toEqual(at('2024-02-29T10:10:00Z'));
  });

  it('FIRST: only the first submitted attempt ever counts', () => {
    const first = { leaderboardAttempt: 'FIRST' as const };
    const { log, score } = play([
      submission(2, 100, '2024-02-29T10:00:00Z', { ...first, firstSubmission: true }),
      submission(9, 10, '2024-02-29T11:00:00Z', first),
      submission(9, 10, '2024-03-05T11:00:00Z', first), // not even on a new day's board
    ]);
    expect(log).toEqual([8, 0, 0]);
    expect(score(quizId, 'ALL_TIME', '1970-01-01')).toBe(2);
    expect(score(quizId, 'DAY', '2024-03-05')).toBeUndefined();
  });
});

describe('bucket counts', () => {
  /** Bucket counts grouped by (dimension, score, level), as the primary key's prefix groups them. */
  type Counts = Map<string, Map<bigint, number>>;
  const levelId = (k: { dimension: number; score: bigint; level: number }) => `${k.dimension}|${k.score}|${k.level}`;
  function countsOf(entries: ReadonlyArray<Omit<Standing, 'achievedAt'>>): Counts {
    const counts: Counts = new Map();
    for (const e of entries) {
      for (const k of bucketKeys(e)) {
        const level = counts.get(levelId(k)) ?? new Map<bigint, number>();
        counts.set(levelId(k), level.set(k.bucket, (level.get(k.bucket) ?? 0) + 1));
      }
    }
    return counts;
  }
  /** What aheadCountSql reads: the counts in each range. */
  function aheadFromCounts(counts: Counts, s: Omit<Standing, 'achievedAt'>): number {
    let sum = 0;
    for (const r of aheadRanges(s)) for (const [bucket, n] of counts.get(levelId(r)) ?? []) if (bucket >= r.from && bucket <= r.to) sum += n;
    return sum;
  }
  const naiveAhead = (all: ReadonlyArray<Omit<Standing, 'achievedAt'>>, s: Omit<Standing, 'achievedAt'>) =>
    all.filter((o) => o.scoreUnits > s.scoreUnits || (o.scoreUnits === s.scoreUnits && o.timeTakenMs < s.timeTakenMs)).length;

  it.each([
    ['integer scores with many ties', 1, () => ({ score: BigInt(Math.floor(rnd() * 11)) * 10_000n, time: BigInt(Math.floor(rnd() * 4) * 1000) })],
    [
      'fractional scores and times to the millisecond',
      2,
      () => ({ score: BigInt(Math.floor(rnd() * 2_000_000)), time: BigInt(Math.floor(rnd() * 3_600_000)) }),
    ],
    [
      'global sums spanning every level, beyond 2^48 units and ms',
      3,
      () => ({
        score: BigInt(Math.floor(rnd() * 2 ** 40)) * BigInt(1 + Math.floor(rnd() * 2 ** 12)),
        time: BigInt(Math.floor(rnd() * 2 ** 30)) * BigInt(1 + Math.floor(rnd() * 2 ** 22)),
      }),
    ],
    ['zeros', 4, () => ({ score: 0n, time: BigInt(Math.floor(rnd() * 3)) })],
  ])('gives the exact rank of every entry (%s), as a count of the rows ahead would', (_case, seed, draw) => {
    rnd = random(seed);
    const entries = Array.from({ length: 400 }, () => {
      const { score, time } = draw();
      return { scoreUnits: score, timeTakenMs: time };
    });
    const counts = countsOf(entries);
    for (const e of entries) expect(aheadFromCounts(counts, e)).toBe(naiveAhead(entries, e));
    // …and of standings not on the board (where a newcomer would land).
    for (let i = 0; i < 50; i++) {
      const { score, time } = draw();
      const probe = { scoreUnits: score, timeTakenMs: time };
      expect(aheadFromCounts(counts, probe)).toBe(naiveAhead(entries, probe));
    }
  });

  it('reads at most 2 × LEVELS ranges of at most 255 buckets each', () => {
    for (const r of aheadRanges({ scoreUnits: 123_456_789n, timeTakenMs: 98_765n })) {
      if (r.level < LEVELS - 1) expect(r.to - r.from).toBeLessThan(255n);
    }
    expect(aheadRanges({ scoreUnits: 5n, timeTakenMs: 5n }).length).toBeLessThanOrEqual(2 * LEVELS);
  });

  it('gives a page its ranks from two counts of its first row, at any depth and size', () => {
    rnd = random(7);
    const all = Array.from({ length: 300 }, (_, i) =>
      standing(Math.floor(rnd() * 6), Math.floor(rnd() * 3) * 100, `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, `u${i}`),
    ).sort(compareStandings);
    const truth = sharedRanks(all);
    for (const size of [1, 2, 7, 50]) {
      for (let offset = 0; offset < all.length; offset += 3) {
        const page = all.slice(offset, offset + size);
        const first = page[0]!;
        const tied = all.filter((o) => o.scoreUnits === first.scoreUnits && o.timeTakenMs === first.timeTakenMs).length;
        expect(pageRanks(page, naiveAhead(all, first), tied)).toEqual(truth.slice(offset, offset + size));
      }
    }
    expect(pageRanks([], 0, 0)).toEqual([]);
  });

  it('nets a move: buckets shared by the old and new standing do not change, the rest come out in key order', () => {
    const board = { scope: 'q', window: 'ALL_TIME' as const, period: '1970-01-01' };
    const from = { scoreUnits: 50_000n, timeTakenMs: 1_000n, achievedAt: at('2026-01-01T00:00:00Z') };
    const to = { scoreUnits: 60_000n, timeTakenMs: 1_000n, achievedAt: at('2026-01-02T00:00:00Z') };
    const deltas = bucketDeltas([{ board, userId: 'u', attemptId: 'a', from, to }]);
    // 50000 and 60000 share their buckets from level 2 (>> 16) up; their times sit under different scores.
    expect(deltas.filter((d) => d.dimension === 0).map((d) => [d.level, d.delta])).toEqual([
      [0, -1],
      [0, 1],
      [1, -1],
      [1, 1],
    ]);
    expect(deltas.filter((d) => d.dimension === 1)).toHaveLength(2 * LEVELS);
    expect([...deltas].sort(compareBuckets)).toEqual(deltas);
    expect(bucketDeltas([{ board, userId: 'u', attemptId: 'a', from, to: { ...from, achievedAt: to.achievedAt } }])).toEqual([]);
    expect(bucketDeltas([{ board, userId: 'u', attemptId: 'a', from: null, to }])).toHaveLength(2 * LEVELS);
  });
});

let rnd = random(0);
