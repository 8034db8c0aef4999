import { BadUserInputError, isUuid, parseInput, UnauthenticatedError } from '@quizgraph/service-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { changePassword, deleteAccount, login, register, setUserRole, updateProfile } from '../accounts.js';
import type { Context } from '../context.js';
import { endSessions, logout, refreshSession, type SessionTokens } from '../sessions.js';
import { loginInput, passwordChangeInput, profileInput, registrationInput } from '../validation.js';

/**
 * The rest of this operation runs as the user who just signed in, so `register { user { email } }`
 * shows them their own private fields although the request carried no token.
 */
function signedIn(context: Context, { accessToken, refreshToken, user, sessionId }: SessionTokens) {
  context.viewer = { userId: user.id, role: user.role, sessionId };
  return {
    accessToken: accessToken.token,
    accessTokenExpiresAt: accessToken.expiresAt,
    refreshToken: refreshToken.token,
    refreshTokenExpiresAt: refreshToken.expiresAt,
    user,
  };
}

function signedInViewer(context: Context) {
  if (!context.viewer) throw new UnauthenticatedError();
  return context.viewer;
}

export const Mutation: MutationResolvers = {
  register: async (_parent, args, context) =>
    signedIn(context, await register(context.db, context.throttle, parseInput(registrationInput, args), context.client, context.tokens)),
  login: async (_parent, credentials, context) =>
    signedIn(context, await login(context.db, context.throttle, parseInput(loginInput, credentials), context.client, context.tokens)),
  refreshSession: async (_parent, { refreshToken }, context) =>
    signedIn(context, await refreshSession(context.db, refreshToken, context.tokens)),
  logout: async (_parent, { refreshToken }, { db }) => {
    await logout(db, refreshToken);
    return true;
  },
  logoutEverywhere: (_parent, _args, context) => endSessions(context.db, { userId: signedInViewer(context).userId }),
  changePassword: async (_parent, args, context) => {
    const viewer = signedInViewer(context);
    await changePassword(context.db, context.throttle, viewer, parseInput(passwordChangeInput, args), context.client);
    return true;
  },
  updateProfile: (_parent, args, context) => {
    const viewer = signedInViewer(context);
    return updateProfile(context.db, viewer, parseInput(profileInput, args));
  },
  deleteAccount: async (_parent, { password }, context) => {
    const viewer = signedInViewer(context);
    await deleteAccount(context.db, context.throttle, viewer, password, context.client);
    context.outbox.kick();
    return true;
  },
  setUserRole: (_parent, { userId, role }, context) => {
    const viewer = signedInViewer(context);
    if (!isUuid(userId)) throw new BadUserInputError('"userId" is not a user id.', { field: 'userId' });
    return setUserRole(context.db, viewer, userId, role);
  },
};
