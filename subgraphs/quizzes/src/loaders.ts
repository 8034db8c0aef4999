import DataLoader from 'dataloader';
import { isUuid, type OffsetPage, type Viewer } from '@quizgraph/service-kit';
import { Prisma, type PrismaClient, type Quiz, type QuizVersion } from './__generated__/prisma/client.js';
import { PLAYER_QUESTION_COLUMNS, QUIZ_COLUMNS, type PlayerQuestion, type QuizVersionView } from './models.js';

export interface QuizVersionRef {
  quizId: string;
  version: number;
}

export interface QuizListPage {
  rows: Quiz[];
  totalCount: number;
}

export interface Loaders {
  quizById: DataLoader<string, Quiz | null>;
  /** The questions of one version of a quiz, in order, as players see them (no key, no explanation). */
  questionsOf: DataLoader<QuizVersionRef, PlayerQuestion[], string>;
  /** One version's settings row. */
  versionOf: DataLoader<QuizVersionRef, QuizVersion | null, string>;
  /** Every version of a quiz with its keyed questions, newest first: for authors and admins only. */
  keyedVersionsOf: DataLoader<string, QuizVersionView[]>;
  /** One page of each author's quizzes as the viewer may see them; one loader per page shape. */
  authoredQuizzes(page: OffsetPage): DataLoader<string, QuizListPage>;
}

const versionKey = ({ quizId, version }: QuizVersionRef) => `${quizId}@${version}`;

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = grouped.get(key);
    if (list) list.push(item);
    else grouped.set(key, [item]);
  }
  return grouped;
}

export function createLoaders(db: PrismaClient, viewer: Viewer | null): Loaders {
  const authoredPages = new Map<string, DataLoader<string, QuizListPage>>();
  return {
    quizById: new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const quizzes = valid.length > 0 ? await db.quiz.findMany({ where: { id: { in: [...valid] } } }) : [];
      const byId = new Map(quizzes.map((q) => [q.id, q]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    questionsOf: new DataLoader(
      async (refs) => {
        const questions = await db.question.findMany({
          where: { OR: refs.map(({ quizId, version }) => ({ quizId, version })) },
          select: PLAYER_QUESTION_COLUMNS,
          orderBy: { position: 'asc' },
        });
        const grouped = groupBy(questions, versionKey);
        return refs.map((ref) => grouped.get(versionKey(ref)) ?? []);
      },
      { cacheKeyFn: versionKey },
    ),

    versionOf: new DataLoader(
      async (refs) => {
        const versions = await db.quizVersion.findMany({ where: { OR: refs.map(({ quizId, version }) => ({ quizId, version })) } });
        const byKey = new Map(versions.map((v) => [versionKey(v), v]));
        return refs.map((ref) => byKey.get(versionKey(ref)) ?? null);
      },
      { cacheKeyFn: versionKey },
    ),

    keyedVersionsOf: new DataLoader(async (quizIds) => {
      const ids = quizIds.filter(isUuid);
      const [versions, questions] = await Promise.all([
        db.quizVersion.findMany({ where: { quizId: { in: ids } }, orderBy: { version: 'desc' } }),
        db.question.findMany({ where: { quizId: { in: ids } }, orderBy: { position: 'asc' } }),
      ]);
      const questionsByVersion = groupBy(questions, versionKey);
      const grouped = groupBy(
        versions.map((row) => ({ row, questions: questionsByVersion.get(versionKey(row)) ?? [] })),
        (v) => v.row.quizId,
      );
      return quizIds.map((id) => grouped.get(id) ?? []);
    }),

    authoredQuizzes(page) {
      const shape = `${page.offset}:${page.limit}`;
      let loader = authoredPages.get(shape);
      if (!loader) {
        loader = new DataLoader(async (authorIds) => {
          const ids = authorIds.filter(isUuid);
          const isAdmin = viewer?.role === 'ADMIN';
          const visible = Prisma.sql`q."authorId" = ANY(${ids}::uuid[])
            AND (q.status <> 'DRAFT' OR ${isAdmin} OR q."authorId" = ${viewer?.userId ?? null}::uuid)`;
          // One statement for every author's page (rank each author's quizzes, keep the slice), one for
          // their totals: a page past the end still knows how many there are.
          const [rows, counts] = await Promise.all([
            db.$queryRaw<Array<Quiz & { rn: bigint }>>`
              SELECT * FROM (
                SELECT ${QUIZ_COLUMNS}, row_number() OVER (PARTITION BY q."authorId" ORDER BY q."createdAt" DESC, q.id DESC) AS rn
                FROM "Quiz" q WHERE ${visible}
              ) ranked
              WHERE rn > ${page.offset} AND rn <= ${page.offset + page.limit}
              ORDER BY rn`,
            db.$queryRaw<Array<{ authorId: string; total: number }>>`
              SELECT q."authorId", count(*)::int AS total FROM "Quiz" q WHERE ${visible} GROUP BY q."authorId"`,
          ]);
          const byAuthor = new Map<string, QuizListPage>(counts.map(({ authorId, total }) => [authorId, { rows: [], totalCount: total }]));
          for (const { rn: _rn, ...quiz } of rows) byAuthor.get(quiz.authorId)?.rows.push(quiz);
          return authorIds.map((id) => byAuthor.get(id) ?? { rows: [], totalCount: 0 });
        });
        authoredPages.set(shape, loader);
      }
      return loader;
    },
  };
}
