import { BadUserInputError, decodeKeysetCursor, encodeKeysetCursor, isUuid, keysetConnection, pageSize, type Connection } from '@quizgraph/service-kit';
import { Prisma, type Attempt, type PrismaClient } from './__generated__/prisma/client.js';

/** AttemptConnection: a page of a player's attempts, newest first. */
export type AttemptPage = Omit<Connection<Attempt>, 'totalCount'>;

/** The order history pages follow, named in their cursors. */
const ORDER = 'attempts:startedAt-desc';

/** One page shape of `User.attempts`: the same for every user it is asked of in a request. */
export interface HistoryPage {
  limit: number;
  /** The last attempt of the previous page: this page starts right after it. */
  after: { startedAt: Date; id: string } | null;
  quizId: string | null;
}

export function historyPage(args: { first?: number | null; after?: string | null; quizId?: string | null }): HistoryPage {
  if (args.quizId != null && !isUuid(args.quizId)) throw new BadUserInputError('"quizId" is not a quiz id.', { field: 'quizId' });
  let after: HistoryPage['after'] = null;
  if (args.after != null) {
    const [startedAt, id] = decodeKeysetCursor(args.after, ORDER, ['string', 'string']) as [string, string];
    const at = new Date(startedAt);
    if (Number.isNaN(at.getTime()) || !isUuid(id)) throw new BadUserInputError('"after" is not a cursor this list gave out.', { field: 'after' });
    after = { startedAt: at, id };
  }
  return { limit: pageSize(args.first, 20), after, quizId: args.quizId ?? null };
}

/** Identifies a page shape, to batch the users asked for it into one statement. */
export function historyPageKey(page: HistoryPage): string {
  return JSON.stringify([page.limit, page.after?.startedAt.toISOString() ?? null, page.after?.id ?? null, page.quizId]);
}

/**
 * One page of several players' attempts in one statement: for each player, an index descent on
 * (userId[, quizId], startedAt desc, id desc) that starts after the cursor and reads `limit + 1`
 * rows (the extra one only says a next page exists). The cost is the page's, however long the history.
 */
export async function historyPages(db: PrismaClient, userIds: readonly string[], page: HistoryPage): Promise<Map<string, Attempt[]>> {
  const byQuiz = page.quizId === null ? Prisma.empty : Prisma.sql`AND t."quizId" = ${page.quizId}::uuid`;
  const afterCursor =
    page.after === null ? Prisma.empty : Prisma.sql`AND (t."startedAt", t.id) < (${page.after.startedAt}::timestamptz, ${page.after.id}::uuid)`;
  const rows = await db.$queryRaw<Attempt[]>`
    SELECT a.* FROM unnest(${[...userIds]}::uuid[]) AS u(id)
    CROSS JOIN LATERAL (
      SELECT * FROM "Attempt" t
      WHERE t."userId" = u.id ${byQuiz} ${afterCursor}
      ORDER BY t."startedAt" DESC, t.id DESC
      LIMIT ${page.limit + 1}
    ) a
    ORDER BY a."userId", a."startedAt" DESC, a.id DESC`;
  const pages = new Map<string, Attempt[]>(userIds.map((id) => [id, []]));
  for (const row of rows) pages.get(row.userId!)?.push(row);
  return pages;
}

export function attemptPage(rows: Attempt[], page: HistoryPage): AttemptPage {
  return keysetConnection(rows, page.limit, (a) => encodeKeysetCursor(ORDER, [a.startedAt.toISOString(), a.id]), page.after !== null);
}
