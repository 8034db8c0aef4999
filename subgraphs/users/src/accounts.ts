import { enqueueEvent } from '@quizgraph/events';
import {
  auditNote,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  type Role,
  type Viewer,
} from '@quizgraph/service-kit';
import { Prisma, type PrismaClient, type User } from './__generated__/prisma/client.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { endSessions, openSession, type SessionTokens, type TokenSettings } from './sessions.js';
import type { LoginThrottle } from './throttle.js';
import { normaliseEmail, type RegistrationInput } from './validation.js';

/** Where a sign-in comes from: for the throttle and the session list. */
export interface Client {
  address: string | null;
  userAgent: string | null;
}

/**
 * Counted against the sign-up throttle (per address and overall) before the argon2 work, which waits
 * behind sign-ins (passwords.ts).
 */
export async function register(
  db: PrismaClient,
  throttle: LoginThrottle,
  input: RegistrationInput,
  client: Client,
  tokens: TokenSettings,
): Promise<SessionTokens> {
  await throttle.claimSignUp(client.address);
  const passwordHash = await hashPassword(input.password);
  let user: User;
  try {
    user = await db.user.create({ data: { email: input.email, passwordHash, displayName: input.displayName } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw auditNote(new ConflictError('An account with this email already exists. Sign in instead.', { field: 'email' }), { reason: 'emailTaken' });
    }
    throw error;
  }
  return openSession(db, user, client.userAgent, tokens);
}

/**
 * The same error, after the same argon2 work, whether the email is unknown or the password wrong:
 * neither the message nor the timing tells an attacker which accounts exist. Failures are throttled
 * per account and per client address.
 */
export async function login(
  db: PrismaClient,
  throttle: LoginThrottle,
  credentials: { email: string; password: string },
  client: Client,
  tokens: TokenSettings,
): Promise<SessionTokens> {
  const email = normaliseEmail(credentials.email);
  const subject = { email, address: client.address };
  await throttle.assertAllowed(subject);
  await throttle.claimAttempt(subject);
  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), credentials.password);
  if (!user || !valid) {
    // The client cannot tell the two apart; the audit line (accounts' resolvers) can.
    const note = user ? { reason: 'wrongPassword' as const, targetId: user.id } : { reason: 'unknownAccount' as const };
    throw auditNote(new UnauthenticatedError('The email or the password is incorrect.'), note);
  }
  await throttle.recordSuccess(subject);
  return openSession(db, user, client.userAgent, tokens);
}

/** Checks the signed-in user's password, counting a wrong one against the sign-in throttle. */
async function confirmPassword(db: PrismaClient, throttle: LoginThrottle, viewer: Viewer, password: string, field: string, client: Client) {
  const user = await db.user.findUnique({ where: { id: viewer.userId } });
  if (!user) throw new UnauthenticatedError('This account no longer exists.');
  const subject = { email: user.email, address: client.address };
  await throttle.assertAllowed(subject);
  await throttle.claimAttempt(subject);
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw auditNote(new BadUserInputError('The password is incorrect.', { field }), { reason: 'wrongPassword' });
  }
  await throttle.recordSuccess(subject);
  return user;
}

/** A new password ends every session but the one making the change. */
export async function changePassword(
  db: PrismaClient,
  throttle: LoginThrottle,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
  client: Client,
): Promise<void> {
  await confirmPassword(db, throttle, viewer, input.currentPassword, 'currentPassword', client);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.userId }, data: { passwordHash } });
    await endSessions(tx, { userId: viewer.userId, exceptId: viewer.sessionId });
  });
}

/**
 * Deletes the account and its sessions, and records a UserDeleted event in the same transaction: the
 * results service anonymises the user's attempts when the outbox delivers it.
 */
export async function deleteAccount(db: PrismaClient, throttle: LoginThrottle, viewer: Viewer, password: string, client: Client): Promise<void> {
  await confirmPassword(db, throttle, viewer, password, 'password', client);
  await db.$transaction(async (tx) => {
    await tx.user.delete({ where: { id: viewer.userId } });
    await enqueueEvent(tx, { type: 'UserDeleted', payload: { userId: viewer.userId } });
  });
}

export async function updateProfile(
  db: PrismaClient,
  viewer: Viewer,
  changes: { displayName?: string | undefined; bio?: string | null | undefined; avatarUrl?: string | null | undefined },
): Promise<User> {
  try {
    return await db.user.update({ where: { id: viewer.userId }, data: changes });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
      throw new UnauthenticatedError('This account no longer exists.');
    }
    throw error;
  }
}

/** The user with their new role, and the role it replaced (for the audit line). */
export async function setUserRole(db: PrismaClient, viewer: Viewer, userId: string, role: Role): Promise<{ user: User; previousRole: Role }> {
  if (viewer.role !== 'ADMIN') throw new ForbiddenError('Only an admin can change roles.');
  // An admin demoting themself could leave nobody able to manage roles.
  if (viewer.userId === userId && role !== 'ADMIN') throw new ConflictError('Admins cannot change their own role.');
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new NotFoundError('User', userId);
    return { user: await tx.user.update({ where: { id: userId }, data: { role } }), previousRole: before.role };
  });
}
