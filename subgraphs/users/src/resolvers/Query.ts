import { BadUserInputError, isUuid } from '@quizgraph/service-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) => (viewer ? loaders.userById.load(viewer.userId) : null),
  user: (_parent, { id }, { loaders }) => {
    if (!isUuid(id)) throw new BadUserInputError('"id" is not a user id.', { field: 'id' });
    return loaders.userById.load(id);
  },
};
