import {
  BadUserInputError,
  decodeKeysetCursor,
  encodeKeysetCursor,
  isUuid,
  keysetConnection,
  pageSize,
  type Connection,
  type KeysetValue,
  type Viewer,
} from '@quizgraph/service-kit';
import { Prisma, type PrismaClient, type Quiz } from './__generated__/prisma/client.js';
import { QUIZ_COLUMNS } from './models.js';

export type QuizOrder = 'NEWEST' | 'TITLE' | 'POPULAR' | 'RELEVANCE';

export interface QuizFilter {
  search?: string | null;
  category?: string | null;
  tags?: readonly string[] | null;
  difficulty?: 'EASY' | 'MEDIUM' | 'HARD' | null;
  authorId?: string | null;
  status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' | null;
}

/** A page of quizzes; the total is counted only if a client asks for it. */
export interface QuizPage extends Omit<Connection<Quiz>, 'totalCount'> {
  totalCount: () => Promise<number>;
}

/**
 * Each order is a keyset over an index: the page after a cursor starts with an index seek, so the
 * millionth quiz costs what the first does. `id` breaks ties so the order is total.
 */
interface OrderSpec {
  /** SQL expressions of the sort key, all descending or all ascending, ending with id. */
  key: (q: Prisma.Sql) => Prisma.Sql[];
  direction: 'DESC' | 'ASC';
  kinds: ReadonlyArray<'string' | 'number'>;
  values: (row: QuizRow) => KeysetValue[];
}

type QuizRow = Quiz & { sortTitle: string; relevance: number; k1: unknown; k2: string };

const ORDERS: Record<QuizOrder, OrderSpec> = {
  NEWEST: {
    key: () => [Prisma.sql`q."createdAt"`, Prisma.sql`q.id`],
    direction: 'DESC',
    kinds: ['string', 'string'],
    values: (row) => [row.createdAt.toISOString(), row.id],
  },
  TITLE: {
    key: () => [Prisma.sql`lower(q.title)`, Prisma.sql`q.id`],
    direction: 'ASC',
    kinds: ['string', 'string'],
    values: (row) => [row.sortTitle, row.id],
  },
  POPULAR: {
    key: () => [Prisma.sql`q."attemptCount"`, Prisma.sql`q.id`],
    direction: 'DESC',
    kinds: ['number', 'string'],
    values: (row) => [row.attemptCount, row.id],
  },
  RELEVANCE: {
    key: (query) => [Prisma.sql`ts_rank(q."searchVector", ${query})`, Prisma.sql`q.id`],
    direction: 'DESC',
    kinds: ['number', 'string'],
    values: (row) => [row.relevance, row.id],
  },
};

/** The form of each value this list puts in a cursor: what the SQL cast below accepts without an error. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_INT4 = 2 ** 31 - 1;
const MAX_REAL = 3.4e38;

function isCursorValue(order: QuizOrder, index: number, value: KeysetValue): boolean {
  if (index === 1) return typeof value === 'string' && isUuid(value);
  switch (order) {
    case 'NEWEST':
      // Exactly what toISOString writes: Postgres would also take 'yesterday' or fail on a year past 9999.
      return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
    case 'RELEVANCE':
      return typeof value === 'number' && Math.abs(value) <= MAX_REAL;
    case 'POPULAR':
      return Number.isInteger(value) && Math.abs(value as number) <= MAX_INT4;
    case 'TITLE':
      return typeof value === 'string' && !value.includes('\u0000');
  }
}

/**
 * Casts a cursor value back to the SQL type of its key column, so the comparison uses the index.
 * A client can send a cursor it made up: a value the cast would refuse is its mistake, not a database error.
 */
function cursorValue(order: QuizOrder, index: number, value: KeysetValue): Prisma.Sql {
  if (!isCursorValue(order, index, value)) throw new BadUserInputError('"after" is not a cursor this list gave out.', { field: 'after' });
  if (index === 1) return Prisma.sql`${value}::uuid`;
  switch (order) {
    case 'NEWEST':
      return Prisma.sql`${value}::timestamptz`;
    case 'RELEVANCE':
      return Prisma.sql`${value}::real`;
    case 'POPULAR':
      return Prisma.sql`${value}::int`;
    case 'TITLE':
      return Prisma.sql`${value}::text`;
  }
}

/**
 * The search text, or null when it has nothing to search for (no letter or digit). Backslashes go:
 * quote_literal would escape them in a form the tsquery syntax does not read.
 */
export function searchText(search: string | null | undefined): string | null {
  const text = (search ?? '').normalize('NFC').replace(/\\/g, ' ').trim().slice(0, 200);
  return /[\p{L}\p{N}]/u.test(text) ? text : null;
}

/**
 * Search words become prefix terms that must all match ("plan sys" finds "Planets of the Solar
 * System"). The words are split by the same parser that built the index (so "tag-12345678" matches
 * itself), and the lexemes go into the tsquery as they are, by its input syntax (quoted, so no input
 * can break it), not through to_tsquery: that would parse each lexeme again, and a lexeme such as
 * "5e7cddfd" (one word inside "tag-5e7cddfd") parses on its own as the number "5e7" then "cddfd", which
 * the index never holds. Postgres evaluates it once per statement.
 */
function prefixQuery(text: string): Prisma.Sql {
  return Prisma.sql`(SELECT string_agg(quote_literal(lexeme) || ':*', ' & ')::tsquery
                     FROM unnest(to_tsvector('simple', ${text})))`;
}

/**
 * Which quizzes `viewer` may list, as branches each served by one index: published ones, plus the
 * viewer's own drafts (admins: every draft). Branches are read apart and merged, since an OR across
 * them would make Postgres read every match before it could sort.
 */
function visibleBranches(viewer: Viewer | null, status: QuizFilter['status']): Prisma.Sql[] {
  const isAdmin = viewer?.role === 'ADMIN';
  const ownDrafts = Prisma.sql`q.status = 'DRAFT' AND q."authorId" = ${viewer?.userId ?? null}::uuid`;
  if (status === 'DRAFT') return [isAdmin ? Prisma.sql`q.status = 'DRAFT'` : ownDrafts];
  if (status) return [Prisma.sql`q.status = ${status}::"QuizStatus"`];
  const published = Prisma.sql`q.status = 'PUBLISHED'`;
  if (isAdmin) return [published, Prisma.sql`q.status = 'DRAFT'`];
  return viewer ? [published, ownDrafts] : [published];
}

export interface ListArgs {
  first?: number | null;
  after?: string | null;
  filter?: QuizFilter | null;
  orderBy?: QuizOrder | null;
}

export async function listQuizzes(db: PrismaClient, viewer: Viewer | null, args: ListArgs): Promise<QuizPage> {
  const limit = pageSize(args.first);
  const filter = args.filter ?? {};
  const tsquery = searchText(filter.search);
  const order: QuizOrder = args.orderBy ?? (tsquery ? 'RELEVANCE' : 'NEWEST');
  if (order === 'RELEVANCE' && !tsquery) {
    throw new BadUserInputError('RELEVANCE orders search results: give `filter.search` too.', { field: 'orderBy' });
  }
  const spec = ORDERS[order];
  const query = tsquery ? prefixQuery(tsquery) : Prisma.sql`NULL::tsquery`;

  const conditions: Prisma.Sql[] = [];
  if (tsquery) conditions.push(Prisma.sql`q."searchVector" @@ ${query}`);
  // Compared as stored: NFC, trimmed, lower case.
  if (filter.category?.trim()) conditions.push(Prisma.sql`q.category = ${filter.category.normalize('NFC').trim().toLowerCase()}`);
  const tags = [...new Set((filter.tags ?? []).map((t) => t.normalize('NFC').trim().toLowerCase()).filter(Boolean))];
  if (tags.length > 0) conditions.push(Prisma.sql`q.tags @> ${tags}::text[]`);
  if (filter.difficulty) conditions.push(Prisma.sql`q.difficulty = ${filter.difficulty}::"Difficulty"`);
  if (filter.authorId) conditions.push(Prisma.sql`q."authorId" = ${filter.authorId}::uuid`);
  const branches = visibleBranches(viewer, filter.status).map((visible) => Prisma.join([visible, ...conditions], ' AND '));

  const keys = spec.key(query);
  let after = Prisma.sql`TRUE`;
  if (args.after != null) {
    const values = decodeKeysetCursor(args.after, order, spec.kinds);
    const comparison = spec.direction === 'DESC' ? Prisma.raw('<') : Prisma.raw('>');
    after = Prisma.sql`(${Prisma.join(keys)}) ${comparison} (${Prisma.join(values.map((v, i) => cursorValue(order, i, v)))})`;
  }
  const direction = Prisma.raw(spec.direction);
  // Each branch reads at most one page past the cursor along its index; the merge keeps the best.
  const pages = branches.map(
    (matching) => Prisma.sql`(
      SELECT ${QUIZ_COLUMNS}, lower(q.title) AS "sortTitle",
             ${tsquery ? Prisma.sql`ts_rank(q."searchVector", ${query})` : Prisma.sql`0::real`} AS relevance,
             ${keys[0]!} AS k1, q.id AS k2
      FROM "Quiz" q
      WHERE ${matching} AND ${after}
      ORDER BY ${Prisma.join(keys.map((k) => Prisma.sql`${k} ${direction}`))}
      LIMIT ${limit + 1})`,
  );
  const rows = await db.$queryRaw<QuizRow[]>`
    SELECT * FROM (${Prisma.join(pages, ' UNION ALL ')}) page
    ORDER BY k1 ${direction}, k2 ${direction}
    LIMIT ${limit + 1}`;

  const connection = keysetConnection(rows, limit, (row) => encodeKeysetCursor(order, spec.values(row)), args.after != null);
  return {
    ...connection,
    edges: connection.edges.map(({ cursor, node: { sortTitle: _title, relevance: _relevance, k1: _k1, k2: _k2, ...quiz } }) => ({
      cursor,
      node: quiz,
    })),
    totalCount: async () => {
      const [count] = await db.$queryRaw<Array<{ count: number }>>`
        SELECT count(*)::int AS count FROM "Quiz" q WHERE ${Prisma.join(
          branches.map((b) => Prisma.sql`(${b})`),
          ' OR ',
        )}`;
      return count?.count ?? 0;
    },
  };
}

export interface CategoryCount {
  category: string;
  count: number;
}

/** The categories of published quizzes with how many each holds, largest first. */
export async function categories(db: PrismaClient): Promise<CategoryCount[]> {
  return db.$queryRaw<CategoryCount[]>`
    SELECT category, count(*)::int AS count FROM "Quiz"
    WHERE status = 'PUBLISHED' AND category IS NOT NULL
    GROUP BY category ORDER BY count DESC, category ASC`;
}
