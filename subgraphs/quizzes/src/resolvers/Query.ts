import { BadUserInputError, isUuid, offsetConnection, offsetPage } from '@quizgraph/service-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { canView } from '../access.js';
import { listQuizzes } from '../quizzes.js';

export const Query: QueryResolvers = {
  quizzes: async (_parent, { first, after, filter }, { db, viewer }) => {
    const page = offsetPage({ first, after });
    if (filter?.authorId && !isUuid(filter.authorId)) {
      throw new BadUserInputError('"filter.authorId" is not a user id.', { field: 'filter.authorId' });
    }
    const { rows, totalCount } = await listQuizzes(db, viewer, filter ?? {}, page);
    return offsetConnection(rows, page, totalCount);
  },
  quiz: async (_parent, { id }, { loaders, viewer }) => {
    if (!isUuid(id)) throw new BadUserInputError('"id" is not a quiz id.', { field: 'id' });
    const quiz = await loaders.quizById.load(id);
    return quiz && canView(quiz, viewer) ? quiz : null;
  },
};
