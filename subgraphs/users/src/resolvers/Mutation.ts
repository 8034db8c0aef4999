import { parseInput } from '@quizgraph/service-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { login, register, type Session } from '../accounts.js';
import { registrationInput } from '../validation.js';

const payload = ({ accessToken, user }: Session) => ({
  accessToken: accessToken.token,
  accessTokenExpiresAt: accessToken.expiresAt,
  user,
});

export const Mutation: MutationResolvers = {
  register: async (_parent, args, { db, tokens }) => payload(await register(db, parseInput(registrationInput, args), tokens)),
  login: async (_parent, { email, password }, { db, tokens }) => payload(await login(db, email, password, tokens)),
};
