import { BadUserInputError, isUuid, parseInput, UnauthenticatedError, type Viewer } from '@quizgraph/service-kit';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { assertCanCreateQuiz } from '../access.js';
import {
  addQuestion,
  archiveQuiz,
  createQuiz,
  deleteQuiz,
  publishQuiz,
  removeQuestion,
  reorderQuestions,
  updateQuestion,
  updateQuiz,
} from '../authoring.js';
import { importQuiz } from '../exchange.js';
import { createQuizInput, idempotencyKeySchema, questionDraftSchema, updateQuizInput } from '../quizRules.js';

function signedIn(viewer: Viewer | null, action: string): Viewer {
  if (!viewer) throw new UnauthenticatedError(`Sign in to ${action}.`);
  return viewer;
}

function uuid(id: string, field: string, what = 'quiz'): string {
  if (!isUuid(id)) throw new BadUserInputError(`"${field}" is not a ${what} id.`, { field });
  return id;
}

/** Field paths of a question's problems start at the argument, as clients sent it. */
const question = (value: unknown, field = 'question') => parseInput(z.object({ [field]: questionDraftSchema }), { [field]: value })[field]!;

export const Mutation: MutationResolvers = {
  createQuiz: (_parent, { input }, { db, viewer }) => {
    assertCanCreateQuiz(viewer);
    return createQuiz(db, viewer.userId, parseInput(z.object({ input: createQuizInput }), { input }).input);
  },
  updateQuiz: (_parent, { id, input }, { db, viewer }) =>
    updateQuiz(db, uuid(id, 'id'), signedIn(viewer, 'change a quiz'), parseInput(z.object({ input: updateQuizInput }), { input }).input),
  addQuestion: (_parent, args, { db, viewer }) =>
    addQuestion(db, uuid(args.quizId, 'quizId'), signedIn(viewer, 'change a quiz'), question(args.question), args.position),
  updateQuestion: (_parent, args, { db, viewer }) =>
    updateQuestion(db, uuid(args.questionId, 'questionId', 'question'), signedIn(viewer, 'change a quiz'), question(args.question)),
  removeQuestion: (_parent, { questionId }, { db, viewer }) =>
    removeQuestion(db, uuid(questionId, 'questionId', 'question'), signedIn(viewer, 'change a quiz')),
  reorderQuestions: (_parent, { quizId, questionIds }, { db, viewer }) => {
    questionIds.forEach((id, i) => uuid(id, `questionIds.${i}`, 'question'));
    return reorderQuestions(db, uuid(quizId, 'quizId'), signedIn(viewer, 'change a quiz'), questionIds);
  },
  publishQuiz: (_parent, { id }, { db, viewer }) => publishQuiz(db, uuid(id, 'id'), signedIn(viewer, 'publish a quiz')),
  archiveQuiz: (_parent, { id }, { db, viewer, outbox }) => archiveQuiz(db, uuid(id, 'id'), signedIn(viewer, 'archive a quiz'), outbox.kick),
  deleteQuiz: (_parent, { id }, { db, viewer }) => deleteQuiz(db, uuid(id, 'id'), signedIn(viewer, 'delete a quiz')),
  importQuiz: (_parent, { input }, { db, viewer }) => {
    assertCanCreateQuiz(viewer, 'import a quiz');
    const idempotencyKey = parseInput(z.object({ idempotencyKey: idempotencyKeySchema }), { idempotencyKey: input.idempotencyKey }).idempotencyKey;
    return importQuiz(db, viewer.userId, { ...input, idempotencyKey });
  },
};
