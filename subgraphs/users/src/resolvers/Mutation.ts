import { audit, audited, BadUserInputError, emailHash, isUuid, parseInput, UnauthenticatedError } from '@quizgraph/service-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { changePassword, deleteAccount, login, register, setUserRole, updateProfile } from '../accounts.js';
import type { Context } from '../context.js';
import { endSessions, logout, refreshSession, type SessionTokens } from '../sessions.js';
import { loginInput, normaliseEmail, passwordChangeInput, profileInput, registrationInput } from '../validation.js';

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

/** Audit line fields of a session just opened (register, login, refreshSession). */
const opened = ({ user, sessionId }: SessionTokens) => ({ actorId: user.id, targetId: user.id, sessionId });

function signedInViewer(context: Context) {
  if (!context.viewer) throw new UnauthenticatedError();
  return context.viewer;
}

export const Mutation: MutationResolvers = {
  register: async (_parent, args, context) => {
    const input = parseInput(registrationInput, args);
    const event = { action: 'user.register', actorId: null, targetId: null, emailHash: emailHash(input.email), clientAddress: context.client.address } as const;
    return signedIn(context, await audited(context.logger, event, () => register(context.db, context.throttle, input, context.client, context.tokens), opened));
  },
  login: async (_parent, credentials, context) => {
    const input = parseInput(loginInput, credentials);
    // The normalised email's pseudonym, never the email itself: see emailHash.
    const event = {
      action: 'user.signIn',
      actorId: null,
      targetId: null,
      emailHash: emailHash(normaliseEmail(input.email)),
      clientAddress: context.client.address,
    } as const;
    return signedIn(context, await audited(context.logger, event, () => login(context.db, context.throttle, input, context.client, context.tokens), opened));
  },
  refreshSession: async (_parent, { refreshToken }, context) => {
    const event = { action: 'session.refresh', actorId: null, targetId: null, clientAddress: context.client.address } as const;
    return signedIn(context, await audited(context.logger, event, () => refreshSession(context.db, refreshToken, context.tokens), opened));
  },
  logout: async (_parent, { refreshToken }, { db, logger }) => {
    const ended = await logout(db, refreshToken);
    audit(logger, {
      action: 'session.signOut',
      // An unknown or ended token: nothing was signed out (the client still hears true, so a retry is harmless).
      ...(ended
        ? { outcome: 'success', actorId: ended.userId, targetId: ended.userId, sessionId: ended.sessionId }
        : { outcome: 'failure', actorId: null, targetId: null, reason: 'invalidToken' }),
    });
    return true;
  },
  logoutEverywhere: (_parent, _args, context) => {
    const { userId } = signedInViewer(context);
    return audited(
      context.logger,
      { action: 'session.signOutEverywhere', actorId: userId, targetId: userId },
      () => endSessions(context.db, { userId }),
      (sessionsEnded) => ({ sessionsEnded }),
    );
  },
  changePassword: async (_parent, args, context) => {
    const viewer = signedInViewer(context);
    const input = parseInput(passwordChangeInput, args);
    const event = { action: 'user.changePassword', actorId: viewer.userId, targetId: viewer.userId, clientAddress: context.client.address } as const;
    await audited(context.logger, event, () => changePassword(context.db, context.throttle, viewer, input, context.client));
    return true;
  },
  updateProfile: (_parent, args, context) => {
    const viewer = signedInViewer(context);
    return updateProfile(context.db, viewer, parseInput(profileInput, args));
  },
  deleteAccount: async (_parent, { password }, context) => {
    const viewer = signedInViewer(context);
    const event = { action: 'user.delete', actorId: viewer.userId, targetId: viewer.userId, clientAddress: context.client.address } as const;
    await audited(context.logger, event, () => deleteAccount(context.db, context.throttle, viewer, password, context.client));
    context.outbox.kick();
    return true;
  },
  setUserRole: async (_parent, { userId, role }, context) => {
    const viewer = signedInViewer(context);
    if (!isUuid(userId)) throw new BadUserInputError('"userId" is not a user id.', { field: 'userId' });
    const event = { action: 'user.setRole', actorId: viewer.userId, targetId: userId, role } as const;
    const { user } = await audited(
      context.logger,
      event,
      () => setUserRole(context.db, viewer, userId, role),
      ({ previousRole }) => ({ previousRole }),
    );
    return user;
  },
};
