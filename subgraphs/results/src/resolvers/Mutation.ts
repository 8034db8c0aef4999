import { parseInput, UnauthenticatedError } from '@quizgraph/service-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { submitQuiz } from '../submissions.js';
import { submissionInput } from '../validation.js';

export const Mutation: MutationResolvers = {
  submitQuiz: (_parent, args, { db, viewer, answerKeys, outbox }) => {
    if (!viewer) throw new UnauthenticatedError('Sign in to submit answers.');
    const input = parseInput(submissionInput, args);
    return submitQuiz(db, answerKeys, { ...input, userId: viewer.userId }, outbox.kick);
  },
};
