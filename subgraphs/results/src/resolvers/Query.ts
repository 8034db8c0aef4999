import { BadUserInputError, isUuid, offsetPage } from '@quizgraph/service-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { canReadAttempt } from '../access.js';
import { globalLeaderboardPage, leaderboardPage } from '../leaderboards.js';

export const Query: QueryResolvers = {
  leaderboard: async (_parent, args, { db }) => {
    const page = offsetPage(args, 10);
    return leaderboardPage(await globalLeaderboardPage(db, page), page, { kind: 'global' });
  },
  attempt: async (_parent, { id }, { loaders, viewer }) => {
    if (!isUuid(id)) throw new BadUserInputError('"id" is not an attempt id.', { field: 'id' });
    const attempt = await loaders.attemptById.load(id);
    return attempt && canReadAttempt(attempt, viewer) ? attempt : null;
  },
};
