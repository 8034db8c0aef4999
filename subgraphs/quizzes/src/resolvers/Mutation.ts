import { audited, BadUserInputError, isUuid, parseInput, UnauthenticatedError, type Viewer } from '@quizgraph/service-kit';
import { z } from 'zod';
import type { PrismaClient } from '../__generated__/prisma/client.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { assertCanCreateQuiz } from '../access.js';
import { addQuestion, archiveQuiz, createQuiz, deleteQuiz, publishQuiz, removeQuestion, reorderQuestions, updateQuestion, updateQuiz } from '../authoring.js';
import { importQuiz } from '../exchange.js';
import { createQuizInput, idempotencyKeySchema, questionDraftSchema, updateQuizInput } from '../quizRules.js';

function signedIn(viewer: Viewer | null, action: string): Viewer {
  if (!viewer) throw new UnauthenticatedError(`Sign in to ${action}.`);
  return viewer;
}

/**
 * Every change to quizzes comes from a living account: an access token outlives the deletion of its
 * account by up to its lifetime, and users tells this service of deletions (UserDeleted).
 */
async function living(db: PrismaClient, viewer: Viewer): Promise<Viewer> {
  if (await db.deletedUser.findUnique({ where: { userId: viewer.userId }, select: { userId: true } })) {
    throw new UnauthenticatedError('This account no longer exists.');
  }
  return viewer;
}

function uuid(id: string, field: string, what = 'quiz'): string {
  if (!isUuid(id)) throw new BadUserInputError(`"${field}" is not a ${what} id.`, { field });
  return id;
}

/** Field paths of a question's problems start at the argument, as clients sent it. */
const question = (value: unknown, field = 'question') => parseInput(z.object({ [field]: questionDraftSchema }), { [field]: value })[field]!;

export const Mutation: MutationResolvers = {
  createQuiz: async (_parent, { input }, { db, viewer }) => {
    assertCanCreateQuiz(viewer);
    await living(db, viewer);
    return createQuiz(db, viewer.userId, parseInput(z.object({ input: createQuizInput }), { input }).input);
  },
  updateQuiz: async (_parent, { id, input }, { db, viewer }) =>
    updateQuiz(db, uuid(id, 'id'), await living(db, signedIn(viewer, 'change a quiz')), parseInput(z.object({ input: updateQuizInput }), { input }).input),
  addQuestion: async (_parent, args, { db, viewer }) =>
    addQuestion(db, uuid(args.quizId, 'quizId'), await living(db, signedIn(viewer, 'change a quiz')), question(args.question), args.position),
  updateQuestion: async (_parent, args, { db, viewer }) =>
    updateQuestion(db, uuid(args.questionId, 'questionId', 'question'), await living(db, signedIn(viewer, 'change a quiz')), question(args.question)),
  removeQuestion: async (_parent, { questionId }, { db, viewer }) =>
    removeQuestion(db, uuid(questionId, 'questionId', 'question'), await living(db, signedIn(viewer, 'change a quiz'))),
  reorderQuestions: async (_parent, { quizId, questionIds }, { db, viewer }) => {
    for (const [i, id] of questionIds.entries()) uuid(id, `questionIds.${i}`, 'question');
    return reorderQuestions(db, uuid(quizId, 'quizId'), await living(db, signedIn(viewer, 'change a quiz')), questionIds);
  },
  publishQuiz: async (_parent, { id }, { db, viewer }) => publishQuiz(db, uuid(id, 'id'), await living(db, signedIn(viewer, 'publish a quiz'))),
  archiveQuiz: async (_parent, { id }, { db, viewer, outbox, logger }) => {
    const quizId = uuid(id, 'id');
    const actor = await living(db, signedIn(viewer, 'archive a quiz'));
    return audited(logger, { action: 'quiz.archive', actorId: actor.userId, targetId: quizId }, () => archiveQuiz(db, quizId, actor, outbox.kick));
  },
  deleteQuiz: async (_parent, { id }, { db, viewer, logger }) => {
    const quizId = uuid(id, 'id');
    const actor = await living(db, signedIn(viewer, 'delete a quiz'));
    return audited(logger, { action: 'quiz.delete', actorId: actor.userId, targetId: quizId }, () => deleteQuiz(db, quizId, actor));
  },
  importQuiz: async (_parent, { input }, { db, viewer }) => {
    assertCanCreateQuiz(viewer, 'import a quiz');
    await living(db, viewer);
    const idempotencyKey = parseInput(z.object({ idempotencyKey: idempotencyKeySchema }), { idempotencyKey: input.idempotencyKey }).idempotencyKey;
    return importQuiz(db, viewer.userId, { ...input, idempotencyKey });
  },
};
