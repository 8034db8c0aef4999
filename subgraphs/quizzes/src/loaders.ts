import DataLoader from 'dataloader';
import { isUuid, type OffsetPage, type Viewer } from '@quizgraph/service-kit';
import { Prisma, type PrismaClient, type Quiz } from './__generated__/prisma/client.js';
import type { QuestionWithOptions } from './models.js';

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
  /** The questions (with options) of one version of a quiz, in order. */
  questionsOf: DataLoader<QuizVersionRef, QuestionWithOptions[], string>;
  /** One page of each author's quizzes as the viewer may see them; one loader per page shape. */
  authoredQuizzes(page: OffsetPage): DataLoader<string, QuizListPage>;
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
          include: { options: { orderBy: { position: 'asc' } } },
          orderBy: { position: 'asc' },
        });
        const grouped = new Map<string, QuestionWithOptions[]>();
        for (const q of questions) {
          const key = `${q.quizId}@${q.version}`;
          grouped.set(key, [...(grouped.get(key) ?? []), q]);
        }
        return refs.map(({ quizId, version }) => grouped.get(`${quizId}@${version}`) ?? []);
      },
      { cacheKeyFn: ({ quizId, version }) => `${quizId}@${version}` },
    ),

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
                SELECT q.*, row_number() OVER (PARTITION BY q."authorId" ORDER BY q."createdAt" DESC, q.id DESC) AS rn
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
