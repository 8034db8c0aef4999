import { parseInput, UnauthenticatedError } from '@quizgraph/service-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { startAttempt } from '../attempts.js';
import { submitAttempt, submitQuiz } from '../submissions.js';
import { attemptSubmissionInput, startAttemptInput, submissionInput } from '../validation.js';

export const Mutation: MutationResolvers = {
  startAttempt: (_parent, args, context) => {
    if (!context.viewer) throw new UnauthenticatedError('Sign in to start an attempt.');
    const input = parseInput(startAttemptInput, args);
    return startAttempt(context, { ...input, userId: context.viewer.userId });
  },
  submitAttempt: (_parent, args, context) => {
    if (!context.viewer) throw new UnauthenticatedError('Sign in to submit answers.');
    const input = parseInput(attemptSubmissionInput, args);
    return submitAttempt(context, { ...input, userId: context.viewer.userId });
  },
  submitQuiz: (_parent, args, context) => {
    if (!context.viewer) throw new UnauthenticatedError('Sign in to submit answers.');
    const input = parseInput(submissionInput, args);
    return submitQuiz(context, { ...input, userId: context.viewer.userId });
  },
};
