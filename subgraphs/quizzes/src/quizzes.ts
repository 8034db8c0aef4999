import { ConflictError, ForbiddenError, NotFoundError, QuizgraphError, type OffsetPage, type Viewer } from '@quizgraph/service-kit';
import { Prisma, type PrismaClient, type Quiz } from './__generated__/prisma/client.js';
import { canEdit } from './access.js';
import type { QuizListPage } from './loaders.js';
import { publishProblems, type CreateQuizInput } from './quizRules.js';

/** Creates a draft (version 1) with its questions and answer key in one transaction. */
export async function createQuiz(db: PrismaClient, authorId: string, input: CreateQuizInput): Promise<Quiz> {
  const { questions, idempotencyKey, ...fields } = input;
  try {
    return await db.quiz.create({
      data: {
        ...fields,
        authorId,
        idempotencyKey: idempotencyKey ?? null,
        questions: {
          create: questions.map((q, i) => ({
            version: 1,
            position: i + 1,
            prompt: q.prompt,
            points: q.points,
            explanation: q.explanation ?? null,
            options: { create: q.options.map((o, j) => ({ position: j + 1, label: o.label, isCorrect: o.correct })) },
          })),
        },
      },
    });
  } catch (error) {
    if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      // A retry of a request that already succeeded: answer with what it created.
      const existing = await db.quiz.findUnique({ where: { authorId_idempotencyKey: { authorId, idempotencyKey } } });
      if (existing) return existing;
    }
    throw error;
  }
}

export async function publishQuiz(db: PrismaClient, id: string, viewer: Viewer): Promise<Quiz> {
  return db.$transaction(async (tx) => {
    // Lock the row: two publishers at once must not both see DRAFT and both publish.
    const [locked] = await tx.$queryRaw<Quiz[]>`SELECT * FROM "Quiz" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!locked) throw new NotFoundError('Quiz', id);
    if (!canEdit(locked, viewer)) {
      if (locked.status === 'DRAFT') throw new NotFoundError('Quiz', id);
      throw new ForbiddenError('Only the author of a quiz or an admin may publish it.');
    }
    if (locked.status === 'PUBLISHED') return locked;
    if (locked.status === 'ARCHIVED') throw new ConflictError('An archived quiz cannot be published again.');
    const questions = await tx.question.findMany({
      where: { quizId: id, version: locked.version },
      include: { options: true },
      orderBy: { position: 'asc' },
    });
    const problems = publishProblems(questions);
    if (problems.length > 0) {
      throw new QuizgraphError('BAD_USER_INPUT', `The quiz cannot be published: ${problems.join(' ')}`, { problems });
    }
    return tx.quiz.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
  });
}

export interface QuizFilter {
  search?: string | null;
  category?: string | null;
  difficulty?: 'EASY' | 'MEDIUM' | 'HARD' | null;
  authorId?: string | null;
}

/** Published quizzes plus the viewer's own drafts (admins: every quiz), newest first. */
export async function listQuizzes(db: PrismaClient, viewer: Viewer | null, filter: QuizFilter, page: OffsetPage): Promise<QuizListPage> {
  const visible: Prisma.QuizWhereInput =
    viewer?.role === 'ADMIN'
      ? {}
      : { OR: [{ status: 'PUBLISHED' }, ...(viewer ? [{ authorId: viewer.userId, status: 'DRAFT' as const }] : [])] };
  const words = (filter.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10);
  const where: Prisma.QuizWhereInput = {
    AND: [
      visible,
      ...words.map((word) => ({
        OR: [
          { title: { contains: word, mode: 'insensitive' as const } },
          { description: { contains: word, mode: 'insensitive' as const } },
        ],
      })),
      ...(filter.category ? [{ category: filter.category.trim().toLowerCase() }] : []),
      ...(filter.difficulty ? [{ difficulty: filter.difficulty }] : []),
      ...(filter.authorId ? [{ authorId: filter.authorId }] : []),
    ],
  };
  const [rows, totalCount] = await Promise.all([
    db.quiz.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: page.offset, take: page.limit }),
    db.quiz.count({ where }),
  ]);
  return { rows, totalCount };
}

/** The answer key of one version of a quiz: what results scores against. Never part of the public graph. */
export interface AnswerKey {
  quizId: string;
  version: number;
  status: Quiz['status'];
  questions: Array<{
    id: string;
    type: 'SINGLE_CHOICE';
    points: number;
    optionIds: string[];
    correctOptionIds: string[];
  }>;
}

export async function answerKey(db: PrismaClient, quizId: string, version?: number): Promise<AnswerKey | null> {
  const quiz = await db.quiz.findUnique({ where: { id: quizId } });
  if (!quiz) return null;
  const pinned = version ?? quiz.version;
  const questions = await db.question.findMany({
    where: { quizId, version: pinned },
    include: { options: { orderBy: { position: 'asc' } } },
    orderBy: { position: 'asc' },
  });
  if (questions.length === 0) return null;
  return {
    quizId,
    version: pinned,
    status: quiz.status,
    questions: questions.map((q) => ({
      id: q.id,
      type: q.type,
      points: q.points,
      optionIds: q.options.map((o) => o.id),
      correctOptionIds: q.options.filter((o) => o.isCorrect).map((o) => o.id),
    })),
  };
}
