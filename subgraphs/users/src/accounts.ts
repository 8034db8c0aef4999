import { ConflictError, issueAccessToken, UnauthenticatedError, type IssuedToken, type SigningKey } from '@quizgraph/service-kit';
import { Prisma, type PrismaClient, type User } from './__generated__/prisma/client.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { normaliseEmail, type RegistrationInput } from './validation.js';

export interface Session {
  accessToken: IssuedToken;
  user: User;
}

export interface TokenSettings {
  signingKey: SigningKey;
  ttlSeconds: number;
}

function sessionFor(user: User, tokens: TokenSettings): Session {
  return { user, accessToken: issueAccessToken(tokens.signingKey, { userId: user.id, role: user.role }, tokens.ttlSeconds) };
}

export async function register(db: PrismaClient, input: RegistrationInput, tokens: TokenSettings): Promise<Session> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({ data: { email: input.email, passwordHash, displayName: input.displayName } });
    return sessionFor(user, tokens);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new ConflictError('An account with this email already exists. Sign in instead.', { field: 'email' });
    }
    throw error;
  }
}

/**
 * The same error, after the same argon2 work, whether the email is unknown or the password wrong:
 * neither the message nor the timing tells an attacker which accounts exist.
 */
export async function login(db: PrismaClient, email: string, password: string, tokens: TokenSettings): Promise<Session> {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid) throw new UnauthenticatedError('The email or the password is incorrect.');
  return sessionFor(user, tokens);
}
