import { percentage } from '@quizgraph/assessment';
import { NotFoundError } from '@quizgraph/service-kit';
import type { AttemptResolvers } from '../__generated__/resolvers-types.js';
import { canReadAttempt } from '../access.js';
import { settingsOf } from '../attempts.js';
import { attemptQuestions } from '../review.js';

export const Attempt: AttemptResolvers = {
  __resolveReference: async ({ id }, { attemptLoaders, viewer }) => {
    const attempt = await attemptLoaders.byId.load(id);
    return attempt && canReadAttempt(attempt, viewer) ? attempt : null;
  },
  quiz: (attempt) => ({ id: attempt.quizId }),
  player: (attempt) => (attempt.userId ? { id: attempt.userId } : null),
  score: (attempt) => attempt.score?.toNumber() ?? null,
  percentage: (attempt) => (attempt.score === null ? null : percentage(attempt.score.toNumber(), attempt.maxScore)),
  // How many questions were right is per-question feedback: SCORE_ONLY shows the score alone.
  correctCount: (attempt) => (settingsOf(attempt).reviewPolicy === 'SCORE_ONLY' ? null : attempt.correctCount),
  questions: async (attempt, _args, { attemptLoaders }) => {
    const [key, answers] = await Promise.all([
      attemptLoaders.pinnedKey.load({ quizId: attempt.quizId, version: attempt.quizVersion }),
      attempt.status === 'SUBMITTED' ? attemptLoaders.answers.load(attempt.id) : null,
    ]);
    if (!key) throw new NotFoundError('Quiz', attempt.quizId);
    return attemptQuestions(attempt, settingsOf(attempt, key.settings), key, answers);
  },
};
