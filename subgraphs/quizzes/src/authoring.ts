import { buildQuestion, type QuestionDraft, type QuizSettings } from '@quizgraph/assessment';
import { enqueueEvent } from '@quizgraph/events';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, QuizgraphError, type Viewer } from '@quizgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient, type Question, type Quiz } from './__generated__/prisma/client.js';
import { canEdit } from './access.js';
import { settingsOf, shapeOf } from './models.js';
import { applySettings, MAX_QUESTIONS, publishProblems, type CreateQuizInput, type SettingsPatch, type UpdateQuizInput } from './quizRules.js';

type Tx = Prisma.TransactionClient;

/** A question of the version being edited: kept ones carry their stored row, new ones are built. */
type EditedQuestion = Pick<Question, 'type' | 'prompt' | 'points' | 'explanation' | 'content' | 'key'> & { id?: string };

interface EditableVersion {
  settings: QuizSettings;
  questions: EditedQuestion[];
}

function built(draft: QuestionDraft): EditedQuestion {
  const question = buildQuestion(draft, randomUUID);
  return {
    type: question.shape.type,
    prompt: question.prompt,
    points: question.points,
    explanation: question.explanation,
    content: question.shape.content,
    key: question.shape.key,
  };
}

function questionRows(quizId: string, version: number, questions: readonly EditedQuestion[], keepIds: boolean) {
  return questions.map((q, i) => ({
    id: keepIds && q.id ? q.id : randomUUID(),
    quizId,
    version,
    position: i + 1,
    type: q.type,
    prompt: q.prompt,
    points: q.points,
    explanation: q.explanation,
    content: q.content as Prisma.InputJsonValue,
    key: q.key as Prisma.InputJsonValue,
  }));
}

/** Creates a draft (version 1) with its settings, questions and answer keys in one transaction. */
export async function createQuiz(db: PrismaClient, authorId: string, input: CreateQuizInput): Promise<Quiz> {
  const { questions, idempotencyKey, settings, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const quiz = await tx.quiz.create({ data: { ...fields, authorId, idempotencyKey: idempotencyKey ?? null } });
      await tx.quizVersion.create({ data: { quizId: quiz.id, version: 1, ...settings } });
      await tx.question.createMany({ data: questionRows(quiz.id, 1, questions.map(built), false) });
      return quiz;
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

/**
 * Locks a quiz for a change by `viewer`: two edits at once must not both build version N + 1.
 * Someone who may not see a draft learns nothing of it (NOT_FOUND).
 */
async function lockForEdit(tx: Tx, id: string, viewer: Viewer, action: string): Promise<Quiz> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Quiz" WHERE id = ${id}::uuid FOR UPDATE`;
  const quiz = row ? await tx.quiz.findUnique({ where: { id } }) : null;
  if (!quiz) throw new NotFoundError('Quiz', id);
  if (!canEdit(quiz, viewer)) {
    if (quiz.status === 'DRAFT') throw new NotFoundError('Quiz', id);
    throw new ForbiddenError(`Only the author of a quiz or an admin may ${action} it.`);
  }
  return quiz;
}

async function currentVersion(tx: Tx, quiz: Quiz): Promise<EditableVersion & { questions: Question[] }> {
  const [version, questions] = await Promise.all([
    tx.quizVersion.findUniqueOrThrow({ where: { quizId_version: { quizId: quiz.id, version: quiz.version } } }),
    tx.question.findMany({ where: { quizId: quiz.id, version: quiz.version }, orderBy: { position: 'asc' } }),
  ]);
  return { settings: settingsOf(version), questions };
}

const sameSettings = (a: QuizSettings, b: QuizSettings) => (Object.keys(a) as Array<keyof QuizSettings>).every((k) => a[k] === b[k]);

/**
 * Changes what scoring depends on (settings, questions). A draft is edited in place. A published quiz
 * gets a new version, checked like a publication, and players get it from now on; attempts taken on
 * earlier versions stay pinned to theirs. Archived quizzes do not change.
 */
async function editVersion(tx: Tx, quiz: Quiz, edit: (current: EditableVersion & { questions: Question[] }) => EditableVersion): Promise<Quiz> {
  if (quiz.status === 'ARCHIVED') throw new ConflictError('An archived quiz cannot be changed.');
  const current = await currentVersion(tx, quiz);
  const next = edit(current);
  if (next.questions.length > MAX_QUESTIONS) throw new BadUserInputError(`A quiz has at most ${MAX_QUESTIONS} questions.`, { field: 'questions' });

  if (quiz.status === 'DRAFT') {
    await tx.quizVersion.update({ where: { quizId_version: { quizId: quiz.id, version: quiz.version } }, data: next.settings });
    // Rewritten whole, keeping the ids of questions that stay, so positions never collide midway.
    await tx.question.deleteMany({ where: { quizId: quiz.id, version: quiz.version } });
    await tx.question.createMany({ data: questionRows(quiz.id, quiz.version, next.questions, true) });
    return tx.quiz.update({ where: { id: quiz.id }, data: { updatedAt: new Date() } });
  }

  // Players get the new version at once, so it must be as complete as a publication.
  const problems = publishProblems(next.questions.map((q, i) => ({ position: i + 1, shape: shapeOf(q) })));
  if (problems.length > 0) {
    throw new QuizgraphError('BAD_USER_INPUT', `This change would leave the published quiz unplayable: ${problems.join(' ')}`, { problems });
  }
  const version = quiz.version + 1;
  await tx.quizVersion.create({ data: { quizId: quiz.id, version, ...next.settings } });
  // New question ids for the new version (an id names one version's question); option and item ids
  // carry over, so "option X" means the same choice in every version.
  await tx.question.createMany({ data: questionRows(quiz.id, version, next.questions, false) });
  return tx.quiz.update({ where: { id: quiz.id }, data: { version } });
}

const METADATA_FIELDS = ['title', 'description', 'category', 'tags', 'difficulty'] as const;

/** Edits metadata in place (any status but archived) and settings as a content change. */
export async function updateQuiz(db: PrismaClient, id: string, viewer: Viewer, input: UpdateQuizInput): Promise<Quiz> {
  return db.$transaction(async (tx) => {
    let quiz = await lockForEdit(tx, id, viewer, 'change');
    if (quiz.status === 'ARCHIVED') throw new ConflictError('An archived quiz cannot be changed.');
    const metadata: Prisma.QuizUpdateInput = {};
    for (const field of METADATA_FIELDS) {
      const value = input[field];
      // `category: null` clears it; for the other fields null means "unchanged".
      if (value !== undefined && (value !== null || field === 'category')) Object.assign(metadata, { [field]: value === '' ? null : value });
    }
    if (Object.keys(metadata).length > 0) quiz = await tx.quiz.update({ where: { id }, data: metadata });
    if (input.settings) {
      const current = await tx.quizVersion.findUniqueOrThrow({ where: { quizId_version: { quizId: id, version: quiz.version } } });
      const settings = checkedSettings(settingsOf(current), input.settings);
      if (!sameSettings(settings, settingsOf(current))) quiz = await editVersion(tx, quiz, (v) => ({ ...v, settings }));
    }
    return quiz;
  });
}

function checkedSettings(base: QuizSettings, patch: SettingsPatch): QuizSettings {
  const result = applySettings(base, patch);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new BadUserInputError(issue.message, { field: ['input', 'settings', ...issue.path].join('.') });
}

/** Inserts a question at `position` (1-based; default: last). */
export async function addQuestion(db: PrismaClient, quizId: string, viewer: Viewer, draft: QuestionDraft, position?: number | null): Promise<Quiz> {
  return db.$transaction(async (tx) => {
    const quiz = await lockForEdit(tx, quizId, viewer, 'change');
    return editVersion(tx, quiz, ({ settings, questions }) => {
      const at = position ?? questions.length + 1;
      if (!Number.isInteger(at) || at < 1 || at > questions.length + 1) {
        throw new BadUserInputError(`"position" must be between 1 and ${questions.length + 1}.`, { field: 'position' });
      }
      const next: EditedQuestion[] = [...questions];
      next.splice(at - 1, 0, built(draft));
      return { settings, questions: next };
    });
  });
}

/** The quiz a question of its current version belongs to; CONFLICT for a question of an older version. */
async function quizOfQuestion(tx: Tx, questionId: string, viewer: Viewer): Promise<Quiz> {
  const question = await tx.question.findUnique({ where: { id: questionId }, select: { quizId: true, version: true } });
  if (!question) throw new NotFoundError('Question', questionId);
  const quiz = await lockForEdit(tx, question.quizId, viewer, 'change');
  if (question.version !== quiz.version) {
    throw new ConflictError(
      `Question ${questionId} belongs to version ${question.version}; the quiz is at version ${quiz.version}. Read the quiz again and edit its current questions.`,
    );
  }
  return quiz;
}

/** Replaces a question (same position) with a new definition. */
export async function updateQuestion(db: PrismaClient, questionId: string, viewer: Viewer, draft: QuestionDraft): Promise<Quiz> {
  return db.$transaction(async (tx) => {
    const quiz = await quizOfQuestion(tx, questionId, viewer);
    return editVersion(tx, quiz, ({ settings, questions }) => ({
      settings,
      // A draft keeps the question's id; a published quiz's new version gives every question a new one.
      questions: questions.map((q) => (q.id === questionId ? { ...built(draft), id: q.id } : q)),
    }));
  });
}

export async function removeQuestion(db: PrismaClient, questionId: string, viewer: Viewer): Promise<Quiz> {
  return db.$transaction(async (tx) => {
    const quiz = await quizOfQuestion(tx, questionId, viewer);
    return editVersion(tx, quiz, ({ settings, questions }) => ({ settings, questions: questions.filter((q) => q.id !== questionId) }));
  });
}

/** Puts the current questions in the given order; `questionIds` lists each of them exactly once. */
export async function reorderQuestions(db: PrismaClient, quizId: string, viewer: Viewer, questionIds: readonly string[]): Promise<Quiz> {
  return db.$transaction(async (tx) => {
    const quiz = await lockForEdit(tx, quizId, viewer, 'change');
    return editVersion(tx, quiz, ({ settings, questions }) => {
      const byId = new Map(questions.map((q) => [q.id, q]));
      const complete = questionIds.length === questions.length && new Set(questionIds).size === questionIds.length;
      if (!complete || questionIds.some((id) => !byId.has(id))) {
        throw new BadUserInputError(`"questionIds" must list each of the quiz's ${questions.length} current questions exactly once.`, {
          field: 'questionIds',
        });
      }
      return { settings, questions: questionIds.map((id) => byId.get(id)!) };
    });
  });
}

/** Opens a draft to players; every question must have a valid key. Publishing again changes nothing. */
export async function publishQuiz(db: PrismaClient, id: string, viewer: Viewer): Promise<Quiz> {
  return db.$transaction(async (tx) => {
    const quiz = await lockForEdit(tx, id, viewer, 'publish');
    if (quiz.status === 'PUBLISHED') return quiz;
    if (quiz.status === 'ARCHIVED') throw new ConflictError('An archived quiz cannot be published again.');
    const { questions } = await currentVersion(tx, quiz);
    const problems = publishProblems(questions.map((q, i) => ({ position: i + 1, shape: shapeOf(q) })));
    if (problems.length > 0) {
      throw new QuizgraphError('BAD_USER_INPUT', `The quiz cannot be published: ${problems.join(' ')}`, { problems });
    }
    return tx.quiz.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
  });
}

/**
 * Retires a published quiz: no new attempts, past results keep showing it. Results hears of it through
 * a QuizArchived event written in the same transaction. Archiving again changes nothing.
 */
export async function archiveQuiz(db: PrismaClient, id: string, viewer: Viewer, onEvent: () => void): Promise<Quiz> {
  const quiz = await db.$transaction(async (tx) => {
    const locked = await lockForEdit(tx, id, viewer, 'archive');
    if (locked.status === 'ARCHIVED') return locked;
    if (locked.status === 'DRAFT') throw new ConflictError('A draft was never published: delete it instead of archiving it.');
    const archivedAt = new Date();
    const archived = await tx.quiz.update({ where: { id }, data: { status: 'ARCHIVED', archivedAt } });
    await enqueueEvent(tx, { type: 'QuizArchived', payload: { quizId: id, archivedAt: archivedAt.toISOString() } });
    return archived;
  });
  onEvent();
  return quiz;
}

/** Deletes a draft with all it holds. Published and archived quizzes have results, so they stay. */
export async function deleteQuiz(db: PrismaClient, id: string, viewer: Viewer): Promise<string> {
  return db.$transaction(async (tx) => {
    const quiz = await lockForEdit(tx, id, viewer, 'delete');
    if (quiz.status !== 'DRAFT') throw new ConflictError('Only drafts can be deleted; archive a published quiz instead.');
    await tx.quiz.delete({ where: { id } });
    return id;
  });
}
