import { auditNote, issueAccessToken, UnauthenticatedError, type IssuedToken, type SigningKey } from '@quizgraph/service-kit';
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient, User } from './__generated__/prisma/client.js';

export interface TokenSettings {
  signingKey: SigningKey;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export interface SessionTokens {
  accessToken: IssuedToken;
  refreshToken: IssuedToken;
  sessionId: string;
  user: User;
}

const REFRESH_TOKEN_PREFIX = 'qgr_';

/** 256 random bits: a hash that is fast to compute is enough, since nothing can be guessed. */
function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newRefreshToken(ttlSeconds: number): IssuedToken & { hash: string } {
  const token = `${REFRESH_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashRefreshToken(token), expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

function accessTokenFor(user: User, sessionId: string, settings: TokenSettings): IssuedToken {
  return issueAccessToken(settings.signingKey, { userId: user.id, role: user.role, sessionId }, settings.accessTokenTtlSeconds);
}

/** Opens a session for a user who just proved who they are. */
export async function openSession(db: PrismaClient, user: User, userAgent: string | null, settings: TokenSettings): Promise<SessionTokens> {
  const refresh = newRefreshToken(settings.refreshTokenTtlSeconds);
  const session = await db.session.create({
    data: {
      userId: user.id,
      userAgent: userAgent?.slice(0, 300) ?? null,
      tokens: { create: { tokenHash: refresh.hash, expiresAt: refresh.expiresAt } },
    },
  });
  return { sessionId: session.id, user, accessToken: accessTokenFor(user, session.id, settings), refreshToken: refresh };
}

const INVALID = 'This refresh token is not valid. Sign in again.';
const REUSED = 'This refresh token was already used, so its session has been ended everywhere. Sign in again.';

/**
 * Rotation with reuse detection: each refresh token is exchanged once for a successor. A token that
 * was already exchanged can only be presented again by someone holding a copy (a thief, or the owner
 * after the thief), so the whole session ends and both must sign in again.
 */
export async function refreshSession(db: PrismaClient, refreshToken: string, settings: TokenSettings): Promise<SessionTokens> {
  const stored = await db.refreshToken.findUnique({
    where: { tokenHash: hashRefreshToken(refreshToken) },
    include: { session: { include: { user: true } } },
  });
  if (!stored || stored.session.revokedAt) {
    throw auditNote(new UnauthenticatedError(INVALID), { reason: 'invalidToken', targetId: stored?.session.userId ?? null });
  }
  const target = { targetId: stored.session.userId, details: { sessionId: stored.sessionId } };
  if (stored.usedAt) {
    await endSessions(db, { id: stored.sessionId });
    throw auditNote(new UnauthenticatedError(REUSED), { reason: 'reusedToken', ...target });
  }
  if (stored.expiresAt <= new Date())
    throw auditNote(new UnauthenticatedError('This refresh token has expired. Sign in again.'), { reason: 'expiredToken', ...target });

  const next = newRefreshToken(settings.refreshTokenTtlSeconds);
  const rotated = await db.$transaction(async (tx) => {
    // Claim the token: of two concurrent refreshes with it, exactly one gets here with count 1.
    // The session must still be open: a logout or password change racing this refresh wins.
    const { count } = await tx.refreshToken.updateMany({
      where: { id: stored.id, usedAt: null, session: { revokedAt: null } },
      data: { usedAt: new Date() },
    });
    if (count === 0) return false;
    await tx.refreshToken.create({ data: { sessionId: stored.sessionId, tokenHash: next.hash, expiresAt: next.expiresAt } });
    await tx.session.update({ where: { id: stored.sessionId }, data: { lastUsedAt: new Date() } });
    return true;
  });
  if (!rotated) {
    await endSessions(db, { id: stored.sessionId });
    throw auditNote(new UnauthenticatedError(REUSED), { reason: 'reusedToken', ...target });
  }
  const { user } = stored.session;
  return { sessionId: stored.sessionId, user, accessToken: accessTokenFor(user, stored.sessionId, settings), refreshToken: next };
}

/**
 * Ends the session a refresh token belongs to (idempotent: an unknown or ended token is fine).
 * Returns the session and its user, or null for a token that belongs to none.
 */
export async function logout(db: PrismaClient, refreshToken: string): Promise<{ sessionId: string; userId: string } | null> {
  const stored = await db.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(refreshToken) }, include: { session: { select: { userId: true } } } });
  if (!stored) return null;
  await endSessions(db, { id: stored.sessionId });
  return { sessionId: stored.sessionId, userId: stored.session.userId };
}

/** Ends the matching sessions that had not ended yet; returns how many it ended. */
export async function endSessions(
  db: Pick<PrismaClient, 'session'>,
  where: { id: string } | { userId: string; exceptId?: string | undefined },
): Promise<number> {
  const filter = 'id' in where ? { id: where.id } : { userId: where.userId, ...(where.exceptId ? { id: { not: where.exceptId } } : {}) };
  const { count } = await db.session.updateMany({ where: { ...filter, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
