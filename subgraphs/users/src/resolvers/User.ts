import { ForbiddenError, type Viewer } from '@quizgraph/service-kit';
import type { SessionResolvers, UserResolvers } from '../__generated__/resolvers-types.js';

/** Private fields answer to the user themself and to admins; through a query and `_entities` alike. */
function assertOwnerOrAdmin(userId: string, viewer: Viewer | null, what: string): void {
  if (viewer && (viewer.userId === userId || viewer.role === 'ADMIN')) return;
  throw new ForbiddenError(`Only the user themself and admins can read ${what}.`);
}

export const User: UserResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.userById.load(id),
  email: (user, _args, { viewer }) => {
    assertOwnerOrAdmin(user.id, viewer, 'an email address');
    return user.email;
  },
  sessions: (user, _args, { viewer, loaders }) => {
    assertOwnerOrAdmin(user.id, viewer, 'sessions');
    return loaders.openSessionsOf.load(user.id);
  },
};

export const Session: SessionResolvers = {
  current: (session, _args, { viewer }) => viewer?.sessionId === session.id,
};
