import { offsetConnection, offsetPage } from '@quizgraph/service-kit';
import type { UserResolvers } from '../__generated__/resolvers-types.js';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  authoredQuizzes: async (user, args, { loaders }) => {
    const page = offsetPage(args);
    const { rows, totalCount } = await loaders.authoredQuizzes(page).load(user.id);
    const connection = offsetConnection(rows, page, totalCount);
    return { ...connection, totalCount: async () => totalCount };
  },
};
