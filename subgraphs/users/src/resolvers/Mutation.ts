import { parseInput } from '@quizgraph/service-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { login, register, type Session } from '../accounts.js';
import type { Context } from '../context.js';
import { registrationInput } from '../validation.js';

/**
 * The rest of this operation runs as the user who just signed in, so `register { user { email } }`
 * shows them their own private fields although the request carried no token.
 */
function signedIn(context: Context, { accessToken, user }: Session) {
  context.viewer = { userId: user.id, role: user.role };
  return { accessToken: accessToken.token, accessTokenExpiresAt: accessToken.expiresAt, user };
}

export const Mutation: MutationResolvers = {
  register: async (_parent, args, context) =>
    signedIn(context, await register(context.db, parseInput(registrationInput, args), context.tokens)),
  login: async (_parent, { email, password }, context) =>
    signedIn(context, await login(context.db, email, password, context.tokens)),
};
