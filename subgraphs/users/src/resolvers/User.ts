import { ForbiddenError } from '@quizgraph/service-kit';
import type { UserResolvers } from '../__generated__/resolvers-types.js';

export const User: UserResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.userById.load(id),
  email: (user, _args, { viewer }) => {
    if (viewer && (viewer.userId === user.id || viewer.role === 'ADMIN')) return user.email;
    throw new ForbiddenError('Only the user themself and admins can read an email address.');
  },
};
