import { ForbiddenError, NotFoundError } from '@quizgraph/service-kit';
import type {
  LeaderboardConnectionResolvers,
  LeaderboardEntryResolvers,
  QuizResolvers,
  QuizStatsResolvers,
  UserResolvers,
} from '../__generated__/resolvers-types.js';
import { canReadItemAnalysis } from '../access.js';
import { parsePageRequest } from '../leaderboards.js';
import { GLOBAL_SCOPE } from '../ranking.js';
import { questionStatsView, quizStatsView, userStatsView } from '../stats.js';

export const Quiz: QuizResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  stats: async (quiz, _args, { loaders }) => quizStatsView(quiz.id, await loaders.quizTally.load(quiz.id)),
  leaderboard: (quiz, args, { loaders }) => loaders.boardPage(parsePageRequest(args)).load(quiz.id),
};

export const QuizStats: QuizStatsResolvers = {
  // The rest of the stats are public: only this field answers FORBIDDEN (it is nullable for that).
  questions: async (stats, _args, { answerKeys, loaders, viewer }) => {
    // The author and the current version's questions come with the quiz's answer key.
    const key = await answerKeys.answerKey(stats.quizId);
    if (!key) throw new NotFoundError('Quiz', stats.quizId);
    if (!canReadItemAnalysis(key.authorId, viewer)) throw new ForbiddenError('Only the quiz’s author and admins may read its item analysis.');
    const records = await loaders.questionRecord.loadMany(key.questions.map((q) => q.id));
    return key.questions.map((q, i) => {
      const record = records[i];
      if (record instanceof Error) throw record;
      return questionStatsView(q, record);
    });
  },
};

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  stats: async (user, _args, { loaders, clock }) => {
    const [record, global] = await Promise.all([
      loaders.playerRecord.load(user.id),
      loaders.boardEntry('ALL_TIME').load({ scope: GLOBAL_SCOPE, userId: user.id }),
    ]);
    return userStatsView(record, global, clock());
  },
};

export const LeaderboardConnection: LeaderboardConnectionResolvers = {
  viewerEntry: (connection, _args, { loaders, viewer }) => {
    if (!viewer) return null;
    return loaders.boardEntry(connection.board.window).load({ scope: connection.board.scope, userId: viewer.userId });
  },
};

export const LeaderboardEntry: LeaderboardEntryResolvers = {
  user: (row) => ({ id: row.userId }),
};
