import {
  BadUserInputError,
  decodeKeysetCursor,
  encodeKeysetCursor,
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

type QuizRow = Quiz & { sortTitle: string; relevance: number };

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

/** Casts a cursor value back to the SQL type of its key column, so the comparison uses the index. */
function cursorValue(order: QuizOrder, index: number, value: KeysetValue): Prisma.Sql {
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
 * Search words become prefix terms that must all match ("plan sys" finds "Planets of the Solar
 * System"). Only letters and digits reach to_tsquery, so no input can break its syntax.
 */
export function searchQuery(search: string | null | undefined): string | null {
  const words = (search ?? '')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 10);
  return words.length === 0 ? null : words.map((w) => `'${w}':*`).join(' & ');
}

/** Which quizzes `viewer` may list: published ones, plus their own drafts (admins: every draft). */
function visibility(viewer: Viewer | null, status: QuizFilter['status']): Prisma.Sql {
  const isAdmin = viewer?.role === 'ADMIN';
  const own = Prisma.sql`q."authorId" = ${viewer?.userId ?? null}::uuid`;
  if (status === 'DRAFT') return isAdmin ? Prisma.sql`q.status = 'DRAFT'` : Prisma.sql`q.status = 'DRAFT' AND ${own}`;
  if (status) return Prisma.sql`q.status = ${status}::"QuizStatus"`;
  if (isAdmin) return Prisma.sql`q.status IN ('PUBLISHED', 'DRAFT')`;
  return viewer ? Prisma.sql`(q.status = 'PUBLISHED' OR (q.status = 'DRAFT' AND ${own}))` : Prisma.sql`q.status = 'PUBLISHED'`;
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
  const tsquery = searchQuery(filter.search);
  const order: QuizOrder = args.orderBy ?? (tsquery ? 'RELEVANCE' : 'NEWEST');
  if (order === 'RELEVANCE' && !tsquery) {
    throw new BadUserInputError('RELEVANCE orders search results: give `filter.search` too.', { field: 'orderBy' });
  }
  const spec = ORDERS[order];
  const query = Prisma.sql`to_tsquery('simple', ${tsquery ?? ''})`;

  const conditions: Prisma.Sql[] = [visibility(viewer, filter.status)];
  if (tsquery) conditions.push(Prisma.sql`q."searchVector" @@ ${query}`);
  if (filter.category?.trim()) conditions.push(Prisma.sql`q.category = ${filter.category.trim().toLowerCase()}`);
  const tags = [...new Set((filter.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
  if (tags.length > 0) conditions.push(Prisma.sql`q.tags @> ${tags}::text[]`);
  if (filter.difficulty) conditions.push(Prisma.sql`q.difficulty = ${filter.difficulty}::"Difficulty"`);
  if (filter.authorId) conditions.push(Prisma.sql`q."authorId" = ${filter.authorId}::uuid`);
  const matching = Prisma.join(conditions, ' AND ');

  const keys = spec.key(query);
  const after: Prisma.Sql[] = [];
  if (args.after != null) {
    const values = decodeKeysetCursor(args.after, order, spec.kinds);
    const comparison = spec.direction === 'DESC' ? Prisma.raw('<') : Prisma.raw('>');
    after.push(Prisma.sql`(${Prisma.join(keys)}) ${comparison} (${Prisma.join(values.map((v, i) => cursorValue(order, i, v)))})`);
  }
  const direction = Prisma.raw(spec.direction);
  const rows = await db.$queryRaw<QuizRow[]>`
    SELECT ${QUIZ_COLUMNS}, lower(q.title) AS "sortTitle",
           ${tsquery ? Prisma.sql`ts_rank(q."searchVector", ${query})` : Prisma.sql`0::real`} AS relevance
    FROM "Quiz" q
    WHERE ${Prisma.join([matching, ...after], ' AND ')}
    ORDER BY ${Prisma.join(keys.map((k) => Prisma.sql`${k} ${direction}`))}
    LIMIT ${limit + 1}`;

  const connection = keysetConnection(rows, limit, (row) => encodeKeysetCursor(order, spec.values(row)), args.after != null);
  return {
    ...connection,
    edges: connection.edges.map(({ cursor, node: { sortTitle: _title, relevance: _relevance, ...quiz } }) => ({ cursor, node: quiz })),
    totalCount: async () => {
      const [count] = await db.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM "Quiz" q WHERE ${matching}`;
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
