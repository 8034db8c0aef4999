import DataLoader from 'dataloader';
import { isUuid } from '@quizgraph/service-kit';
import type { PrismaClient, User } from './__generated__/prisma/client.js';

export interface Loaders {
  /** Every user read in one request, whoever asks (a query, `_entities`), in one SQL statement. */
  userById: DataLoader<string, User | null>;
}

export function createLoaders(db: PrismaClient): Loaders {
  return {
    userById: new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const users = valid.length > 0 ? await db.user.findMany({ where: { id: { in: [...valid] } } }) : [];
      const byId = new Map(users.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
