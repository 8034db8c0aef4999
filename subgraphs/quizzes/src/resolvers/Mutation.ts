import { BadUserInputError, ForbiddenError, isUuid, parseInput, UnauthenticatedError } from '@quizgraph/service-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { createQuiz, publishQuiz } from '../quizzes.js';
import { createQuizInput } from '../quizRules.js';

export const Mutation: MutationResolvers = {
  createQuiz: (_parent, { input }, { db, viewer }) => {
    if (!viewer) throw new UnauthenticatedError('Sign in to create a quiz.');
    if (viewer.role === 'PLAYER') throw new ForbiddenError('Only authors and admins can create quizzes.');
    return createQuiz(db, viewer.userId, parseInput(createQuizInput, input));
  },
  publishQuiz: (_parent, { id }, { db, viewer }) => {
    if (!viewer) throw new UnauthenticatedError('Sign in to publish a quiz.');
    if (!isUuid(id)) throw new BadUserInputError('"id" is not a quiz id.', { field: 'id' });
    return publishQuiz(db, id, viewer);
  },
};
