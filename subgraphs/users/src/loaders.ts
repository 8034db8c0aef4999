import DataLoader from 'dataloader';
import { isUuid } from '@quizgraph/service-kit';
import type { PrismaClient, Session, User } from './__generated__/prisma/client.js';

export interface Loaders {
  /** Every user read in one request, whoever asks (a query, `_entities`), in one SQL statement. */
  userById: DataLoader<string, User | null>;
  /** Each user's open sessions, most recently used first. */
  openSessionsOf: DataLoader<string, Session[]>;
}

export function createLoaders(db: PrismaClient): Loaders {
  return {
    userById: new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const users = valid.length > 0 ? await db.user.findMany({ where: { id: { in: [...valid] } } }) : [];
      const byId = new Map(users.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    openSessionsOf: new DataLoader(async (userIds) => {
      // Open: not ended, and holding a refresh token that is unused and unexpired.
      const sessions = await db.session.findMany({
        where: { userId: { in: [...userIds] }, revokedAt: null, tokens: { some: { usedAt: null, expiresAt: { gt: new Date() } } } },
        orderBy: { lastUsedAt: 'desc' },
      });
      return userIds.map((id) => sessions.filter((s) => s.userId === id));
    }),
  };
}
