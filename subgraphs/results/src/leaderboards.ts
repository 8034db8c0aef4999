import { offsetConnection, type Connection, type OffsetPage } from '@quizgraph/service-kit';
import type { PrismaClient } from './__generated__/prisma/client.js';

/** A player's standing: ranked by score (desc), then time taken (asc); equal pairs share a rank. */
export interface LeaderboardRow {
  userId: string;
  score: number;
  timeTakenMs: number;
  achievedAt: Date;
  rank: number;
}

export type LeaderboardScope = { kind: 'global' } | { kind: 'quiz'; quizId: string };

export interface LeaderboardPage extends Omit<Connection<LeaderboardRow>, 'edges'> {
  edges: Array<{ cursor: string; rank: number; node: LeaderboardRow }>;
  scope: LeaderboardScope;
}

export interface RowsPage {
  rows: LeaderboardRow[];
  totalCount: number;
}

/** The global leaderboard reads PlayerTotal, the per-player sums of best scores kept by each submission. */
export async function globalLeaderboardPage(db: PrismaClient, page: OffsetPage): Promise<RowsPage> {
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<LeaderboardRow[]>`
      SELECT "userId", "totalScore"::float8 AS score, "timeTakenMs", "achievedAt",
             (RANK() OVER (ORDER BY "totalScore" DESC, "timeTakenMs" ASC))::int AS rank
      FROM "PlayerTotal"
      ORDER BY "totalScore" DESC, "timeTakenMs" ASC, "achievedAt" ASC, "userId" ASC
      LIMIT ${page.limit} OFFSET ${page.offset}`,
    db.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM "PlayerTotal"`,
  ]);
  return { rows, totalCount: count?.count ?? 0 };
}

/** Several players' global entries at once (rank = 1 + players strictly ahead). */
export async function globalEntries(db: PrismaClient, userIds: readonly string[]): Promise<LeaderboardRow[]> {
  return db.$queryRaw<LeaderboardRow[]>`
    SELECT p."userId", p."totalScore"::float8 AS score, p."timeTakenMs", p."achievedAt",
           (SELECT count(*) FROM "PlayerTotal" o
             WHERE o."totalScore" > p."totalScore"
                OR (o."totalScore" = p."totalScore" AND o."timeTakenMs" < p."timeTakenMs"))::int + 1 AS rank
    FROM "PlayerTotal" p
    WHERE p."userId" = ANY(${[...userIds]}::uuid[])`;
}

/** One page of several quizzes' leaderboards in one statement (each player's best attempt per quiz). */
export async function quizLeaderboardPages(
  db: PrismaClient,
  quizIds: readonly string[],
  page: OffsetPage,
): Promise<Map<string, RowsPage>> {
  const ids = [...quizIds];
  // Counted apart from the page: a page past the end (or of size 0) still knows the total.
  const [rows, counts] = await Promise.all([
    db.$queryRaw<Array<LeaderboardRow & { quizId: string }>>`
      SELECT "quizId", "userId", score::float8 AS score, "timeTakenMs", "achievedAt", rank FROM (
        SELECT b.*,
               (RANK() OVER (PARTITION BY "quizId" ORDER BY score DESC, "timeTakenMs" ASC))::int AS rank,
               ROW_NUMBER() OVER (PARTITION BY "quizId" ORDER BY score DESC, "timeTakenMs" ASC, "achievedAt" ASC, "userId" ASC) AS rn
        FROM "BestScore" b
        WHERE "quizId" = ANY(${ids}::uuid[])
      ) ranked
      WHERE rn > ${page.offset} AND rn <= ${page.offset + page.limit}
      ORDER BY "quizId", rn`,
    db.$queryRaw<Array<{ quizId: string; total: number }>>`
      SELECT "quizId", count(*)::int AS total FROM "BestScore" WHERE "quizId" = ANY(${ids}::uuid[]) GROUP BY "quizId"`,
  ]);
  const pages = new Map<string, RowsPage>(counts.map(({ quizId, total }) => [quizId, { rows: [], totalCount: total }]));
  for (const { quizId, ...row } of rows) pages.get(quizId)?.rows.push(row);
  return pages;
}

/** One player's entry on several quizzes' leaderboards. */
export async function quizEntriesOf(db: PrismaClient, userId: string, quizIds: readonly string[]) {
  return db.$queryRaw<Array<LeaderboardRow & { quizId: string }>>`
    SELECT v."quizId", v."userId", v.score::float8 AS score, v."timeTakenMs", v."achievedAt",
           (SELECT count(*) FROM "BestScore" o
             WHERE o."quizId" = v."quizId"
               AND (o.score > v.score OR (o.score = v.score AND o."timeTakenMs" < v."timeTakenMs")))::int + 1 AS rank
    FROM "BestScore" v
    WHERE v."userId" = ${userId}::uuid AND v."quizId" = ANY(${[...quizIds]}::uuid[])`;
}

export function leaderboardPage({ rows, totalCount }: RowsPage, page: OffsetPage, scope: LeaderboardScope): LeaderboardPage {
  const connection = offsetConnection(rows, page, totalCount);
  return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, rank: edge.node.rank })), scope };
}
