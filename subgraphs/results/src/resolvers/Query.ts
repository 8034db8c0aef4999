import { BadUserInputError, isUuid } from '@quizgraph/service-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { canReadAttempt } from '../access.js';
import { parsePageRequest } from '../leaderboards.js';
import { GLOBAL_SCOPE } from '../ranking.js';

export const Query: QueryResolvers = {
  leaderboard: (_parent, args, { loaders }) => loaders.boardPage(parsePageRequest(args)).load(GLOBAL_SCOPE),
  attempt: async (_parent, { id }, { attemptLoaders, viewer }) => {
    if (!isUuid(id)) throw new BadUserInputError('"id" is not an attempt id.', { field: 'id' });
    const attempt = await attemptLoaders.byId.load(id);
    return attempt && canReadAttempt(attempt, viewer) ? attempt : null;
  },
};
