import { ForbiddenError } from '@quizgraph/service-kit';
import type { UserResolvers } from '../__generated__/resolvers-types.js';
import { canReadAttemptsOf } from '../access.js';
import { attemptPage, historyPage } from '../history.js';

/** The User fields about attempts (the statistics are in entities.ts). */
export const UserAttempts: Pick<UserResolvers, 'attempts'> = {
  attempts: async (user, args, { attemptLoaders, viewer }) => {
    if (!canReadAttemptsOf(user.id, viewer)) throw new ForbiddenError('Only the player and admins may read a player’s attempts.');
    const page = historyPage(args);
    return attemptPage(await attemptLoaders.history(page).load(user.id), page);
  },
};
