import { toDraft } from '@quizgraph/assessment';
import { NotFoundError, QuizgraphError, type Viewer } from '@quizgraph/service-kit';
import type { PrismaClient, Quiz } from './__generated__/prisma/client.js';
import { assertCanReadKey, canView } from './access.js';
import { createQuiz } from './authoring.js';
import { parseGift } from './gift.js';
import { settingsOf, shapeOf } from './models.js';
import { exportQuizDocument, parseQuizDocument } from './quizDocument.js';

/** A quiz's current version, key included, as a JSON document `importQuiz` reads back. */
export async function exportQuiz(db: PrismaClient, id: string, viewer: Viewer | null): Promise<string> {
  const quiz = await db.quiz.findUnique({ where: { id } });
  if (!quiz || !canView(quiz, viewer)) throw new NotFoundError('Quiz', id);
  assertCanReadKey(quiz, viewer);
  const [version, questions] = await Promise.all([
    db.quizVersion.findUniqueOrThrow({ where: { quizId_version: { quizId: id, version: quiz.version } } }),
    db.question.findMany({ where: { quizId: id, version: quiz.version }, orderBy: { position: 'asc' } }),
  ]);
  return exportQuizDocument({
    title: quiz.title,
    description: quiz.description,
    category: quiz.category,
    tags: quiz.tags,
    difficulty: quiz.difficulty,
    settings: settingsOf(version),
    questions: questions.map((q) => toDraft({ prompt: q.prompt, points: q.points, explanation: q.explanation, shape: shapeOf(q) })),
  });
}

export interface ImportInput {
  format: 'JSON' | 'GIFT';
  content: string;
  title?: string | null;
  idempotencyKey?: string | null;
}

/** The most characters an imported document may have (100 questions with long texts fit easily). */
export const MAX_IMPORT_LENGTH = 1_000_000;

/** Creates a draft from a document; every problem is reported at once, each with its path or line. */
export async function importQuiz(db: PrismaClient, authorId: string, input: ImportInput): Promise<Quiz> {
  if (input.content.length > MAX_IMPORT_LENGTH) {
    throw new QuizgraphError('BAD_USER_INPUT', `A document has at most ${MAX_IMPORT_LENGTH} characters.`, { field: 'input.content' });
  }
  if (input.format === 'JSON') {
    const parsed = parseQuizDocument(input.content);
    if (!parsed.ok) throw importError(parsed.problems.map((p) => ({ ...p, where: p.path || '(document)' })));
    return createQuiz(db, authorId, { ...parsed.quiz, idempotencyKey: input.idempotencyKey ?? null });
  }
  const parsed = parseGift(input.content, input.title ? { title: input.title } : {});
  if (!parsed.ok) throw importError(parsed.problems.map((p) => ({ ...p, where: `line ${p.line}` })));
  return createQuiz(db, authorId, { ...parsed.quiz, idempotencyKey: input.idempotencyKey ?? null });
}

function importError(problems: Array<{ where: string; message: string } & Record<string, unknown>>): QuizgraphError {
  const shown = problems.slice(0, 3).map((p) => `${p.where}: ${p.message}`);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return new QuizgraphError('BAD_USER_INPUT', `The document cannot be imported: ${shown.join('; ')}${more}`, {
    field: 'input.content',
    problems: problems.map(({ where: _where, ...problem }) => problem),
  });
}
