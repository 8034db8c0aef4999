import { percentage } from '@quizgraph/assessment';
import { offsetPage } from '@quizgraph/service-kit';
import type {
  AttemptResolvers,
  LeaderboardConnectionResolvers,
  LeaderboardEntryResolvers,
  QuizResolvers,
  UserResolvers,
} from '../__generated__/resolvers-types.js';
import { canReadAttempt } from '../access.js';
import { leaderboardPage } from '../leaderboards.js';
import { streaks } from '../streaks.js';

export const Attempt: AttemptResolvers = {
  __resolveReference: async ({ id }, { loaders, viewer }) => {
    const attempt = await loaders.attemptById.load(id);
    return attempt && canReadAttempt(attempt, viewer) ? attempt : null;
  },
  quiz: (attempt) => ({ id: attempt.quizId }),
  player: (attempt) => (attempt.userId ? { id: attempt.userId } : null),
  score: (attempt) => attempt.score.toNumber(),
  percentage: (attempt) => percentage(attempt.score.toNumber(), attempt.maxScore),
};

export const Quiz: QuizResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  stats: async (quiz, _args, { loaders }) => {
    const aggregate = await loaders.quizAggregate.load(quiz.id);
    return {
      attempts: aggregate?.attempts ?? 0,
      players: aggregate?.distinct ?? 0,
      averagePercentage: aggregate?.averagePercentage ?? null,
      scoreDistribution: (aggregate?.buckets ?? Array(10).fill(0)).map((count, b) => ({
        fromPercentage: b * 10,
        toPercentage: b * 10 + 10,
        count,
      })),
    };
  },
  leaderboard: async (quiz, args, { loaders }) => {
    const page = offsetPage(args, 10);
    return leaderboardPage(await loaders.quizLeaderboard(page).load(quiz.id), page, { kind: 'quiz', quizId: quiz.id });
  },
};

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  stats: async (user, _args, { loaders }) => {
    const [{ aggregate, days }, entry] = await Promise.all([loaders.userRecord.load(user.id), loaders.globalEntry.load(user.id)]);
    const { current, longest } = streaks(days, new Date());
    return {
      attempts: aggregate?.attempts ?? 0,
      quizzesCompleted: aggregate?.distinct ?? 0,
      totalScore: entry?.score ?? 0,
      averagePercentage: aggregate?.averagePercentage ?? null,
      bestPercentage: aggregate?.bestPercentage ?? null,
      currentStreakDays: current,
      longestStreakDays: longest,
      rank: entry?.rank ?? null,
    };
  },
};

export const LeaderboardConnection: LeaderboardConnectionResolvers = {
  viewerEntry: (connection, _args, { loaders, viewer }) => {
    if (!viewer) return null;
    return connection.scope.kind === 'global'
      ? loaders.globalEntry.load(viewer.userId)
      : loaders.viewerQuizEntry.load(connection.scope.quizId);
  },
};

export const LeaderboardEntry: LeaderboardEntryResolvers = {
  user: (row) => ({ id: row.userId }),
};
