import type { LeaderboardAttempt } from '@quizgraph/assessment';
import { Prisma } from './__generated__/prisma/client.js';
import type { LeaderboardWindow as StoredWindow } from './__generated__/prisma/enums.js';

/**
 * The leaderboard rule, in one place: the order, the ties, the windows and the bucket counts that turn
 * a rank into a few index range reads. Everything else (the submission's writes, the pages, the
 * rebuild, the account deletion) calls these functions or embeds the SQL fragments built here.
 *
 * Order: higher score first, then less time taken, then earlier achievement, then the user id (only so
 * that the order is total and a keyset cursor lands on one row). Rank: 1 + the entries strictly ahead,
 * where "ahead" looks at score and time only, so equal score and time share a rank (1, 2, 2, 4).
 */

/** In the stored enum's declaration order: Postgres sorts the "window" column (and BoardCount's key) by it. */
export const LEADERBOARD_WINDOWS = ['ALL_TIME', 'MONTH', 'WEEK', 'DAY'] as const satisfies ReadonlyArray<keyof typeof StoredWindow>;
export type LeaderboardWindow = (typeof LEADERBOARD_WINDOWS)[number];

/** The global board's scope; quiz boards use the quiz id. */
export const GLOBAL_SCOPE = '00000000-0000-0000-0000-000000000000';

/** Scores are exact to 1/10,000 of a point (numeric(…, 4)); ranking works on these integer units. */
export const SCORE_SCALE = 10_000n;

// ---------------------------------------------------------------------------------------------------
// Windows and periods

/** A board: whose (a quiz's or the global one), which window, which period of it ('YYYY-MM-DD'). */
export interface BoardKey {
  scope: string;
  window: LeaderboardWindow;
  period: string;
}

/** ALL_TIME has one period, named by this date. */
export const ALL_TIME_PERIOD = '1970-01-01';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The UTC start of the period of `window` that contains `at`: its day, its ISO week's Monday, its
 * month's first day; 1970-01-01 for ALL_TIME.
 */
export function periodStart(window: LeaderboardWindow, at: Date): string {
  const [y, m, d] = [at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()];
  switch (window) {
    case 'ALL_TIME':
      return ALL_TIME_PERIOD;
    case 'MONTH':
      return isoDay(Date.UTC(y, m, 1));
    case 'WEEK':
      // getUTCDay: Sunday 0 … Saturday 6; ISO weeks start on Monday.
      return isoDay(Date.UTC(y, m, d - ((at.getUTCDay() + 6) % 7)));
    case 'DAY':
      return isoDay(Date.UTC(y, m, d));
  }
}

/** The four periods an attempt submitted at `at` counts in. */
export function periodsOf(at: Date): Array<{ window: LeaderboardWindow; period: string }> {
  return LEADERBOARD_WINDOWS.map((window) => ({ window, period: periodStart(window, at) }));
}

/** `periodStart` in SQL, for a timestamptz expression (set-wise rebuilds). */
export function periodSql(window: LeaderboardWindow, at: Prisma.Sql): Prisma.Sql {
  if (window === 'ALL_TIME') return Prisma.sql`DATE '1970-01-01'`;
  // date_trunc('week') truncates to the ISO Monday.
  const unit = Prisma.raw(`'${window.toLowerCase()}'`);
  return Prisma.sql`date_trunc(${unit}, ${at} AT TIME ZONE 'UTC')::date`;
}

/** Rows (window, period) of the four periods of `at`: CROSS JOIN LATERAL it to spread attempts over the windows. */
export function periodsSql(at: Prisma.Sql): Prisma.Sql {
  const rows = LEADERBOARD_WINDOWS.map((w) => Prisma.sql`(${Prisma.raw(`'${w}'`)}::"LeaderboardWindow", ${periodSql(w, at)})`);
  return Prisma.sql`(VALUES ${Prisma.join(rows)}) AS periods("window", period)`;
}

// ---------------------------------------------------------------------------------------------------
// Standings, order and ties

/** Where an entry stands: what the order compares. */
export interface Standing {
  scoreUnits: bigint;
  timeTakenMs: bigint;
  achievedAt: Date;
}

export interface RankedStanding extends Standing {
  userId: string;
}

/** A score (a JS number from scoring, or numeric text from Postgres) in exact integer units. */
export function toScoreUnits(score: number | string): bigint {
  if (typeof score === 'number') return BigInt(Math.round(score * Number(SCORE_SCALE)));
  const match = /^(-?)(\d+)(?:\.(\d{0,4})\d*)?$/.exec(score.trim());
  if (!match) throw new Error(`Not a score: ${score}`);
  const units = BigInt(match[2]!) * SCORE_SCALE + BigInt((match[3] ?? '').padEnd(4, '0'));
  return match[1] ? -units : units;
}

/** Units back to exact numeric text, e.g. 33333n → "3.3333". */
export function scoreText(units: bigint): string {
  const sign = units < 0n ? '-' : '';
  const abs = units < 0n ? -units : units;
  return `${sign}${abs / SCORE_SCALE}.${(abs % SCORE_SCALE).toString().padStart(4, '0')}`;
}

export const scoreNumber = (units: bigint) => Number(scoreText(units));

const sign = (n: bigint) => (n > 0n ? 1 : n < 0n ? -1 : 0);

/** Negative when `a` ranks strictly ahead of `b` (higher score, or equal score and less time); 0 when they share a rank. */
export function compareRank(a: Omit<Standing, 'achievedAt'>, b: Omit<Standing, 'achievedAt'>): number {
  return sign(b.scoreUnits - a.scoreUnits) || sign(a.timeTakenMs - b.timeTakenMs);
}

/** The board's total order: rank, then earlier achievement, then user id. */
export function compareStandings(a: RankedStanding, b: RankedStanding): number {
  return compareRank(a, b) || Math.sign(a.achievedAt.getTime() - b.achievedAt.getTime()) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

/**
 * Whether a new attempt replaces a player's entry: strictly better only. On a full tie the entry keeps
 * the earlier achievement.
 */
export function improves(candidate: Standing, current: Standing | undefined): boolean {
  return current === undefined || compareRank(candidate, current) < 0;
}

/** Ranks of sorted standings from scratch (1, 2, 2, 4): the definition the bucket counts must match. */
export function sharedRanks(sorted: ReadonlyArray<Omit<Standing, 'achievedAt'>>): number[] {
  const ranks: number[] = [];
  for (const [i, s] of sorted.entries()) ranks.push(i > 0 && compareRank(sorted[i - 1]!, s) === 0 ? ranks[i - 1]! : i + 1);
  return ranks;
}

/**
 * Ranks of one page, from two counts of its first row: `ahead` (entries strictly ahead of it) and `tied`
 * (entries with exactly its score and time, anywhere on the board). Rows tied with the first share its
 * rank; the first row after that group is at position ahead + tied + 1, and every later row follows by
 * position within the page. So a page's ranks cost two counts, whatever its size or depth.
 */
export function pageRanks(page: ReadonlyArray<Omit<Standing, 'achievedAt'>>, ahead: number, tied: number): number[] {
  const first = page[0];
  if (!first) return [];
  const inFirstGroup = page.findIndex((s) => compareRank(first, s) !== 0);
  const groupEnd = inFirstGroup === -1 ? page.length : inFirstGroup;
  const ranks: number[] = [];
  page.forEach((s, i) => {
    if (i < groupEnd) ranks.push(ahead + 1);
    else if (compareRank(page[i - 1]!, s) === 0) ranks.push(ranks[i - 1]!);
    else ranks.push(ahead + tied + 1 + (i - groupEnd));
  });
  return ranks;
}

/** ORDER BY of the board's total order, on columns of `alias` (or unqualified). */
export function rankOrderSql(alias?: string): Prisma.Sql {
  const col = (name: string) => Prisma.raw(alias ? `${alias}."${name}"` : `"${name}"`);
  return Prisma.sql`${col('score')} DESC, ${col('timeTakenMs')} ASC, ${col('achievedAt')} ASC, ${col('userId')} ASC`;
}

/** Where a keyset page resumes: the last row shown. */
export interface RankCursor {
  scoreUnits: bigint;
  timeTakenMs: bigint;
  achievedAt: Date;
  userId: string;
}

/**
 * The rows after `cursor` in the board's order, as two conditions that each read one index range:
 * the rest of the cursor's score (by time, achievement, user id) and the scores below it. The order
 * mixes directions (score DESC, the rest ASC), so one row comparison cannot express it.
 */
export function afterCursorSql(alias: string, cursor: RankCursor): { sameScore: Prisma.Sql; lowerScore: Prisma.Sql } {
  const a = Prisma.raw(alias);
  const score = Prisma.sql`${scoreText(cursor.scoreUnits)}::numeric`;
  return {
    sameScore: Prisma.sql`${a}.score = ${score} AND (${a}."timeTakenMs", ${a}."achievedAt", ${a}."userId")
      > (${cursor.timeTakenMs.toString()}::bigint, ${cursor.achievedAt}::timestamptz, ${cursor.userId}::uuid)`,
    lowerScore: Prisma.sql`${a}.score < ${score}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Which attempt ranks, and how a submission moves entries

export interface RankedSubmission {
  userId: string;
  quizId: string;
  attemptId: string;
  scoreUnits: bigint;
  timeTakenMs: bigint;
  submittedAt: Date;
  leaderboardAttempt: LeaderboardAttempt;
  /** No earlier attempt by this player at this quiz was submitted. */
  firstSubmission: boolean;
}

/** A player's entry moving on one board: `from` null for a new entry, `to` null for one that leaves. */
export interface EntryMove {
  board: BoardKey;
  userId: string;
  attemptId: string | null;
  from: Standing | null;
  to: Standing | null;
}

/**
 * What a submission changes on its quiz's boards and on the global ones, in each window's period.
 * Quiz boards: the player's ranking attempt in the period (BEST: the best; FIRST: the first submitted
 * attempt ever, so later ones change nothing). Global boards: the sum of the player's quiz-board entries
 * in the same period, moved by the same delta, so replaying a quiz never inflates it.
 * `current(board)` is the player's entry on that board now.
 */
export function entryMoves(submission: RankedSubmission, current: (board: BoardKey) => Standing | undefined): EntryMove[] {
  if (submission.leaderboardAttempt === 'FIRST' && !submission.firstSubmission) return [];
  const candidate: Standing = { scoreUnits: submission.scoreUnits, timeTakenMs: submission.timeTakenMs, achievedAt: submission.submittedAt };
  const moves: EntryMove[] = [];
  for (const { window, period } of periodsOf(submission.submittedAt)) {
    const quizBoard: BoardKey = { scope: submission.quizId, window, period };
    const before = current(quizBoard);
    if (!improves(candidate, before)) continue;
    moves.push({ board: quizBoard, userId: submission.userId, attemptId: submission.attemptId, from: before ?? null, to: candidate });
    const globalBoard: BoardKey = { scope: GLOBAL_SCOPE, window, period };
    const total = current(globalBoard);
    moves.push({
      board: globalBoard,
      userId: submission.userId,
      attemptId: null,
      from: total ?? null,
      to: {
        scoreUnits: (total?.scoreUnits ?? 0n) + candidate.scoreUnits - (before?.scoreUnits ?? 0n),
        timeTakenMs: (total?.timeTakenMs ?? 0n) + candidate.timeTakenMs - (before?.timeTakenMs ?? 0n),
        achievedAt: submission.submittedAt,
      },
    });
  }
  return moves;
}

// ---------------------------------------------------------------------------------------------------
// Bucket counts: a rank in a few index range reads
//
// Dimension 0 counts entries by score: the score's units (a non-negative bigint) are split into 8-bit
// digits, and level L holds one bucket per value of `units >> 8L`, counting the entries under it. The
// entries with a higher score are, for each level, those in the sibling buckets above the entry's own
// bucket (same parent at level L + 1): an entry with a higher score falls in exactly one such range,
// at the highest level where its bucket differs from ours. The top level has no parent (any number of
// buckets, so no score is out of range). Dimension 1 does the same with the time taken, among the
// entries of one exact score (the `score` column), counting the siblings below: less time is ahead.
// So rank = 1 + the sum of at most 2 × LEVELS ranges of at most 255 buckets each, however many entries
// the board holds, and moving an entry updates at most 2 × LEVELS buckets out and 2 × LEVELS in (fewer:
// a move within a bucket cancels out).

export const BUCKET_BITS = 8;
export const LEVELS = 6;
const TOP = LEVELS - 1;
const DIGIT = BigInt(BUCKET_BITS);
const LAST_SIBLING = (1n << DIGIT) - 1n;
const MAX_BIGINT = (1n << 63n) - 1n;
const MIN_BIGINT = -(1n << 63n);

export type Dimension = 0 | 1;

/** A bucket of one board: `score` is 0 in dimension 0 and the exact score (units) in dimension 1. */
export interface BucketKey {
  dimension: Dimension;
  score: bigint;
  level: number;
  bucket: bigint;
}

const bucketAt = (value: bigint, level: number) => value >> (DIGIT * BigInt(level));

/** The buckets an entry counts in. */
export function bucketKeys(standing: Omit<Standing, 'achievedAt'>): BucketKey[] {
  const keys: BucketKey[] = [];
  for (let level = 0; level < LEVELS; level++) keys.push({ dimension: 0, score: 0n, level, bucket: bucketAt(standing.scoreUnits, level) });
  for (let level = 0; level < LEVELS; level++) {
    keys.push({ dimension: 1, score: standing.scoreUnits, level, bucket: bucketAt(standing.timeTakenMs, level) });
  }
  return keys;
}

/** Buckets from..to (inclusive) of one level: their counts add up to part of the entries ahead. */
export interface BucketRange {
  dimension: Dimension;
  score: bigint;
  level: number;
  from: bigint;
  to: bigint;
}

/** The ranges whose counts add up to the entries strictly ahead of `standing`. */
export function aheadRanges(standing: Omit<Standing, 'achievedAt'>): BucketRange[] {
  const ranges: BucketRange[] = [];
  for (let level = 0; level < LEVELS; level++) {
    const own = bucketAt(standing.scoreUnits, level);
    ranges.push({ dimension: 0, score: 0n, level, from: own + 1n, to: level === TOP ? MAX_BIGINT : own | LAST_SIBLING });
  }
  for (let level = 0; level < LEVELS; level++) {
    const own = bucketAt(standing.timeTakenMs, level);
    ranges.push({ dimension: 1, score: standing.scoreUnits, level, from: level === TOP ? MIN_BIGINT : own & ~LAST_SIBLING, to: own - 1n });
  }
  return ranges.filter((r) => r.from <= r.to);
}

/** A change to one bucket of one board. */
export interface BucketDelta extends BoardKey, BucketKey {
  delta: number;
}

const windowIndex = (w: LeaderboardWindow) => LEADERBOARD_WINDOWS.indexOf(w);

/**
 * Postgres's order of BoardCount's primary key (uuid bytes, enum declaration order, dates, numbers):
 * writers that touch buckets in this order never deadlock with one another.
 */
export function compareBuckets(a: BoardKey & BucketKey, b: BoardKey & BucketKey): number {
  return (
    (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0) ||
    windowIndex(a.window) - windowIndex(b.window) ||
    (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
    a.dimension - b.dimension ||
    sign(a.score - b.score) ||
    a.level - b.level ||
    sign(a.bucket - b.bucket)
  );
}

/** The bucket changes of some entry moves, netted per bucket (a move within a bucket cancels out) and in key order. */
export function bucketDeltas(moves: readonly EntryMove[]): BucketDelta[] {
  const net = new Map<string, BucketDelta>();
  const add = (board: BoardKey, standing: Standing | null, delta: number) => {
    if (!standing) return;
    for (const key of bucketKeys(standing)) {
      const id = `${board.scope}|${board.window}|${board.period}|${key.dimension}|${key.score}|${key.level}|${key.bucket}`;
      const found = net.get(id);
      if (found) found.delta += delta;
      else net.set(id, { ...board, ...key, delta });
    }
  };
  for (const move of moves) {
    add(move.board, move.from, -1);
    add(move.board, move.to, 1);
  }
  return [...net.values()].filter((d) => d.delta !== 0).sort(compareBuckets);
}

/** A board in SQL: expressions for its scope, window and period. */
export interface BoardSql {
  scope: Prisma.Sql;
  window: Prisma.Sql;
  period: Prisma.Sql;
}

export function boardSql(board: BoardKey): BoardSql {
  return {
    scope: Prisma.sql`${board.scope}::uuid`,
    window: Prisma.sql`${board.window}::"LeaderboardWindow"`,
    period: Prisma.sql`${board.period}::date`,
  };
}

const scoreUnitsSql = (score: Prisma.Sql) => Prisma.sql`(${score} * ${Prisma.raw(SCORE_SCALE.toString())})::bigint`;

/** One row per (dimension, level): the levels `aheadRanges` walks, with their shift. */
const LEVEL_ROWS = Prisma.raw(
  `(VALUES ${[0, 1]
    .flatMap((dimension) => Array.from({ length: LEVELS }, (_, level) => `(${dimension}, ${level}, ${level * BUCKET_BITS}, ${level === TOP})`))
    .join(', ')}) AS r(dimension, level, shift, top)`,
);

/**
 * `aheadRanges` in SQL: the number of entries strictly ahead of (score, time) on a board, read as at
 * most 2 × LEVELS index range scans of BoardCount (LATERAL keeps each one a parameterised index scan).
 */
export function aheadCountSql(board: BoardSql, score: Prisma.Sql, time: Prisma.Sql): Prisma.Sql {
  const u = scoreUnitsSql(score);
  const t = Prisma.sql`(${time})::bigint`;
  const last = Prisma.raw(LAST_SIBLING.toString());
  return Prisma.sql`(SELECT coalesce(sum(s.n), 0)::int FROM ${LEVEL_ROWS} CROSS JOIN LATERAL (
      SELECT sum(c.count) AS n FROM "BoardCount" c
      WHERE c.scope = ${board.scope} AND c."window" = ${board.window} AND c.period = ${board.period}
        AND c.dimension = r.dimension AND c.level = r.level
        AND c.score = CASE WHEN r.dimension = 0 THEN 0 ELSE ${score} END
        AND c.bucket BETWEEN
          CASE WHEN r.dimension = 0 THEN (${u} >> r.shift) + 1
               WHEN r.top THEN ${Prisma.raw(`'${MIN_BIGINT}'`)}::bigint
               ELSE (${t} >> r.shift) & ~${last}::bigint END
        AND
          CASE WHEN r.dimension = 1 THEN (${t} >> r.shift) - 1
               WHEN r.top THEN ${Prisma.raw(`'${MAX_BIGINT}'`)}::bigint
               ELSE (${u} >> r.shift) | ${last}::bigint END) s)`;
}

/** Entries with exactly this score and time: one bucket of dimension 1, level 0. */
export function tiedCountSql(board: BoardSql, score: Prisma.Sql, time: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(sum(c.count), 0)::int FROM "BoardCount" c
      WHERE c.scope = ${board.scope} AND c."window" = ${board.window} AND c.period = ${board.period}
        AND c.dimension = 1 AND c.score = ${score} AND c.level = 0 AND c.bucket = (${time})::bigint)`;
}

/** Entries on a board: the top level of dimension 0 (one bucket unless scores pass 2^40 units). */
export function boardSizeSql(board: BoardSql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(sum(c.count), 0)::int FROM "BoardCount" c
      WHERE c.scope = ${board.scope} AND c."window" = ${board.window} AND c.period = ${board.period}
        AND c.dimension = 0 AND c.score = 0 AND c.level = ${Prisma.raw(String(TOP))})`;
}

/**
 * `bucketKeys` in SQL, set-wise: the bucket counts of a relation of entries with columns scope,
 * "window", period, score, "timeTakenMs", multiplied by `sign` (1 to add them, -1 to take them out).
 * Each level is counted from the one below it (already grouped), so a million entries cost about two
 * million grouped rows, not twelve. `ordered`: rows in primary-key order, for writers that must take
 * row locks in that order. Rows: scope, "window", period, dimension, score, level, bucket, count.
 */
export function bucketCountsSql(entries: Prisma.Sql, { sign = 1, ordered = false }: { sign?: 1 | -1; ordered?: boolean } = {}): Prisma.Sql {
  const board = 'scope, "window", period';
  const shift = Prisma.raw(String(BUCKET_BITS));
  const levels = Array.from({ length: LEVELS }, (_, level) => level);
  const name = (dimension: number, level: number) => Prisma.raw(`d${dimension}_${level}`);
  const scoreLevels = levels.map((level) =>
    level === 0
      ? Prisma.sql`${name(0, 0)} AS (SELECT ${Prisma.raw(board)}, ${scoreUnitsSql(Prisma.raw('score'))} AS bucket, count(*) AS n FROM e GROUP BY 1, 2, 3, 4)`
      : Prisma.sql`${name(0, level)} AS (SELECT ${Prisma.raw(board)}, bucket >> ${shift} AS bucket, sum(n) AS n FROM ${name(0, level - 1)} GROUP BY 1, 2, 3, 4)`,
  );
  const timeLevels = levels.map((level) =>
    level === 0
      ? Prisma.sql`${name(1, 0)} AS (SELECT ${Prisma.raw(board)}, score, "timeTakenMs"::bigint AS bucket, count(*) AS n FROM e GROUP BY 1, 2, 3, 4, 5)`
      : Prisma.sql`${name(1, level)} AS (SELECT ${Prisma.raw(board)}, score, bucket >> ${shift} AS bucket, sum(n) AS n FROM ${name(1, level - 1)} GROUP BY 1, 2, 3, 4, 5)`,
  );
  const factor = Prisma.raw(String(sign));
  const rows = [
    ...levels.map((level) => Prisma.sql`SELECT ${Prisma.raw(board)}, 0, 0::numeric, ${Prisma.raw(String(level))}, bucket, n FROM ${name(0, level)}`),
    ...levels.map((level) => Prisma.sql`SELECT ${Prisma.raw(board)}, 1, score, ${Prisma.raw(String(level))}, bucket, n FROM ${name(1, level)}`),
  ];
  return Prisma.sql`
    WITH e AS NOT MATERIALIZED (${entries}), ${Prisma.join([...scoreLevels, ...timeLevels])}
    SELECT scope, "window", period, dimension, score, level, bucket, (${factor} * n)::int AS count
    FROM (${Prisma.join(rows, ' UNION ALL ')}) AS k(scope, "window", period, dimension, score, level, bucket, n)
    ${ordered ? Prisma.sql`ORDER BY scope, "window", period, dimension, score, level, bucket` : Prisma.empty}`;
}
