import { BadUserInputError, decodeKeysetCursor, encodeKeysetCursor, isUuid, keysetConnection, pageSize, type Connection } from '@quizgraph/service-kit';
import { Prisma, type PrismaClient } from './__generated__/prisma/client.js';
import {
  afterCursorSql,
  aheadCountSql,
  boardSizeSql,
  pageRanks,
  periodStart,
  rankOrderSql,
  scoreNumber,
  tiedCountSql,
  toScoreUnits,
  type BoardSql,
  type LeaderboardWindow,
  type RankCursor,
} from './ranking.js';

/**
 * Leaderboard reads. A page is a keyset range of BoardEntry's rank-order index; its ranks and the
 * board's size come from the bucket counts (ranking.ts). Every read takes many boards (or players) at
 * once, in one statement, for the loaders.
 */

/** A player's standing on a board. */
export interface LeaderboardRow {
  userId: string;
  score: number;
  timeTakenMs: number;
  achievedAt: Date;
  rank: number;
}

/** Which board a page shows: `scope` is the quiz id, or GLOBAL_SCOPE. */
export interface BoardRef {
  scope: string;
  window: LeaderboardWindow;
}

export interface LeaderboardPage extends Connection<LeaderboardRow> {
  edges: Array<{ cursor: string; rank: number; node: LeaderboardRow }>;
  board: BoardRef;
}

/** What a page asks for, parsed from `first`, `after` and `window`. */
export interface PageRequest {
  window: LeaderboardWindow;
  limit: number;
  after: RankCursor | null;
}

const CURSOR_ORDER = 'rank';

export function parsePageRequest(args: { first?: number | null; after?: string | null; window?: LeaderboardWindow | null }): PageRequest {
  const limit = pageSize(args.first, 10);
  const window = args.window ?? 'ALL_TIME';
  if (args.after == null) return { window, limit, after: null };
  const [score, time, achievedAt, userId] = decodeKeysetCursor(args.after, CURSOR_ORDER, ['string', 'string', 'string', 'string']) as string[];
  const at = new Date(achievedAt!);
  if (!/^\d{1,12}\.\d{4}$/.test(score!) || !/^\d{1,18}$/.test(time!) || Number.isNaN(at.getTime()) || !isUuid(userId!)) {
    throw new BadUserInputError('"after" is not a cursor this list gave out.', { field: 'after' });
  }
  return { window, limit, after: { scoreUnits: toScoreUnits(score!), timeTakenMs: BigInt(time!), achievedAt: at, userId: userId! } };
}

/** The loaders' key for pages of the same shape (every board in a batch shares it). */
export const pageShape = ({ window, limit, after }: PageRequest) =>
  `${window}:${limit}:${after ? `${after.scoreUnits}:${after.timeTakenMs}:${after.achievedAt.toISOString()}:${after.userId}` : ''}`;

/** A row as read: exact score and time as text, for cursors. */
interface EntryRow {
  userId: string;
  score: string;
  timeTakenMs: string;
  achievedAt: Date;
}

const boardOf = (scope: Prisma.Sql, window: LeaderboardWindow, period: string): BoardSql => ({
  scope,
  window: Prisma.sql`${window}::"LeaderboardWindow"`,
  period: Prisma.sql`${period}::date`,
});

const ENTRY_COLUMNS = Prisma.sql`e."userId", e.score, e."timeTakenMs", e."achievedAt"`;

/**
 * The page's rows of one board (`b.scope`): at most limit + 1 index entries, however deep the cursor.
 * After a cursor, two index ranges (the rest of its score, then lower scores) merged by the order.
 */
function pageRowsSql(window: LeaderboardWindow, period: string, request: PageRequest): Prisma.Sql {
  const onBoard = Prisma.sql`e.scope = b.scope AND e."window" = ${window}::"LeaderboardWindow" AND e.period = ${period}::date`;
  const take = Prisma.raw(String(request.limit + 1));
  if (!request.after) {
    return Prisma.sql`SELECT ${ENTRY_COLUMNS} FROM "BoardEntry" e WHERE ${onBoard} ORDER BY ${rankOrderSql('e')} LIMIT ${take}`;
  }
  const { sameScore, lowerScore } = afterCursorSql('e', request.after);
  return Prisma.sql`
    (SELECT ${ENTRY_COLUMNS} FROM "BoardEntry" e WHERE ${onBoard} AND ${sameScore} ORDER BY ${rankOrderSql('e')} LIMIT ${take})
    UNION ALL
    (SELECT ${ENTRY_COLUMNS} FROM "BoardEntry" e WHERE ${onBoard} AND ${lowerScore} ORDER BY ${rankOrderSql('e')} LIMIT ${take})
    ORDER BY ${rankOrderSql()} LIMIT ${take}`;
}

/**
 * The same page of many boards in one statement: each board's rows, its size, and for its first row the
 * entries ahead and tied (what `pageRanks` needs). A board with no rows still reports its size.
 */
export function boardPagesSql(scopes: readonly string[], request: PageRequest, now: Date): Prisma.Sql {
  const period = periodStart(request.window, now);
  const board = boardOf(Prisma.sql`b.scope`, request.window, period);
  // The board's size once per board (b is materialised), not once per row of its page.
  return Prisma.sql`
    WITH b AS (
      SELECT ids.scope, ${boardSizeSql(boardOf(Prisma.sql`ids.scope`, request.window, period))} AS size
      FROM (SELECT DISTINCT unnest(${[...scopes]}::uuid[]) AS scope) ids
    ),
    page AS (
      SELECT b.scope, p.*, row_number() OVER (PARTITION BY b.scope ORDER BY ${rankOrderSql('p')}) AS pos
      FROM b CROSS JOIN LATERAL (${pageRowsSql(request.window, period, request)}) p
    )
    SELECT b.scope::text AS scope, b.size,
           page."userId"::text AS "userId", page.score::text AS score, page."timeTakenMs"::text AS "timeTakenMs", page."achievedAt",
           page.pos::int AS pos,
           CASE WHEN page.pos = 1 THEN ${aheadCountSql(board, Prisma.sql`page.score`, Prisma.sql`page."timeTakenMs"`)} END AS ahead,
           CASE WHEN page.pos = 1 THEN ${tiedCountSql(board, Prisma.sql`page.score`, Prisma.sql`page."timeTakenMs"`)} END AS tied
    FROM b LEFT JOIN page ON page.scope = b.scope
    ORDER BY b.scope, page.pos`;
}

export async function boardPages(db: PrismaClient, scopes: readonly string[], request: PageRequest, now: Date): Promise<Map<string, LeaderboardPage>> {
  const rows = await db.$queryRaw<Array<Partial<EntryRow> & { scope: string; size: number; pos: number | null; ahead: number | null; tied: number | null }>>(
    boardPagesSql(scopes, request, now),
  );

  const byBoard = new Map<string, { size: number; ahead: number; tied: number; entries: EntryRow[] }>();
  for (const row of rows) {
    const found = byBoard.get(row.scope) ?? { size: row.size, ahead: 0, tied: 0, entries: [] };
    byBoard.set(row.scope, found);
    if (row.pos == null) continue;
    if (row.pos === 1) Object.assign(found, { ahead: row.ahead ?? 0, tied: row.tied ?? 0 });
    found.entries.push(row as EntryRow);
  }
  return new Map(
    [...byBoard].map(([scope, { size, ahead, tied, entries }]) => [scope, toPage(entries, request, size, ahead, tied, { scope, window: request.window })]),
  );
}

function toPage(entries: EntryRow[], request: PageRequest, size: number, ahead: number, tied: number, board: BoardRef): LeaderboardPage {
  const standings = entries.map((e) => ({ scoreUnits: toScoreUnits(e.score), timeTakenMs: BigInt(e.timeTakenMs) }));
  const ranks = pageRanks(standings.slice(0, request.limit), ahead, tied);
  const connection = keysetConnection(
    entries.map((e, i) => ({ entry: e, rank: ranks[i] ?? 0 })),
    request.limit,
    ({ entry }) => encodeKeysetCursor(CURSOR_ORDER, [entry.score, entry.timeTakenMs, entry.achievedAt.toISOString(), entry.userId]),
    request.after !== null,
  );
  return {
    ...connection,
    edges: connection.edges.map(({ cursor, node: { entry, rank } }) => ({ cursor, rank, node: toRow(entry, rank) })),
    totalCount: size,
    board,
  };
}

const toRow = (e: EntryRow, rank: number): LeaderboardRow => ({
  userId: e.userId,
  score: scoreNumber(toScoreUnits(e.score)),
  timeTakenMs: Number(e.timeTakenMs),
  achievedAt: e.achievedAt,
  rank,
});

/** An empty page (a board nobody is on yet, or an id that is not one). */
export function emptyPage(request: PageRequest, board: BoardRef): LeaderboardPage {
  return toPage([], request, 0, 0, 0, board);
}

/** Players' entries on boards of one window: `(scope, userId)` pairs, each with its rank from the counts. */
export function boardEntriesSql(window: LeaderboardWindow, keys: ReadonlyArray<{ scope: string; userId: string }>, now: Date): Prisma.Sql {
  const period = periodStart(window, now);
  const board = boardOf(Prisma.sql`e.scope`, window, period);
  return Prisma.sql`
    SELECT e.scope::text AS scope, e."userId"::text AS "userId", e.score::text AS score, e."timeTakenMs"::text AS "timeTakenMs",
           e."achievedAt", ${aheadCountSql(board, Prisma.sql`e.score`, Prisma.sql`e."timeTakenMs"`)} AS ahead
    FROM unnest(${keys.map((k) => k.scope)}::uuid[], ${keys.map((k) => k.userId)}::uuid[]) AS k(scope, "userId")
    JOIN "BoardEntry" e ON e.scope = k.scope AND e."window" = ${window}::"LeaderboardWindow" AND e.period = ${period}::date
                       AND e."userId" = k."userId"`;
}

export async function boardEntries(
  db: PrismaClient,
  window: LeaderboardWindow,
  keys: ReadonlyArray<{ scope: string; userId: string }>,
  now: Date,
): Promise<Array<LeaderboardRow & { scope: string }>> {
  const rows = await db.$queryRaw<Array<EntryRow & { scope: string; ahead: number }>>(boardEntriesSql(window, keys, now));
  return rows.map((r) => ({ scope: r.scope, ...toRow(r, r.ahead + 1) }));
}
