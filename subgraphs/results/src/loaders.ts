import DataLoader from 'dataloader';
import { isUuid, type OffsetPage, type Viewer } from '@quizgraph/service-kit';
import type { Attempt, PrismaClient } from './__generated__/prisma/client.js';
import { globalEntries, quizEntriesOf, quizLeaderboardPages, type LeaderboardRow, type RowsPage } from './leaderboards.js';
import { activeDays, quizAggregates, userAggregates, type AttemptAggregate, type QuizAggregate } from './stats.js';

export interface UserRecord {
  aggregate: AttemptAggregate | undefined;
  days: string[];
}

export interface Loaders {
  attemptById: DataLoader<string, Attempt | null>;
  /** Players' entries on the global leaderboard (null: not ranked yet). */
  globalEntry: DataLoader<string, LeaderboardRow | null>;
  userRecord: DataLoader<string, UserRecord>;
  quizAggregate: DataLoader<string, QuizAggregate | undefined>;
  /** A page of each quiz's leaderboard; one loader per page shape. */
  quizLeaderboard(page: OffsetPage): DataLoader<string, RowsPage>;
  /** The viewer's entry on each quiz's leaderboard. */
  viewerQuizEntry: DataLoader<string, LeaderboardRow | null>;
}

function byKey<K, V>(keys: readonly K[], found: Map<K, V>, missing: V): V[] {
  return keys.map((k) => found.get(k) ?? missing);
}

export function createLoaders(db: PrismaClient, viewer: Viewer | null): Loaders {
  const leaderboardPages = new Map<string, DataLoader<string, RowsPage>>();
  return {
    attemptById: new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const attempts = valid.length > 0 ? await db.attempt.findMany({ where: { id: { in: [...valid] } } }) : [];
      return byKey(ids, new Map(attempts.map((a) => [a.id, a])), null);
    }),
    globalEntry: new DataLoader(async (userIds) => {
      const rows = await globalEntries(db, userIds.filter(isUuid));
      return byKey(userIds, new Map(rows.map((r) => [r.userId, r])), null);
    }),
    userRecord: new DataLoader(async (userIds) => {
      const valid = userIds.filter(isUuid);
      const [aggregates, days] = await Promise.all([userAggregates(db, valid), activeDays(db, valid)]);
      return userIds.map((id) => ({ aggregate: aggregates.get(id), days: days.get(id) ?? [] }));
    }),
    quizAggregate: new DataLoader(async (quizIds) => {
      const aggregates = await quizAggregates(db, quizIds.filter(isUuid));
      return quizIds.map((id) => aggregates.get(id));
    }),
    quizLeaderboard(page) {
      const shape = `${page.offset}:${page.limit}`;
      let loader = leaderboardPages.get(shape);
      if (!loader) {
        loader = new DataLoader(async (quizIds) =>
          byKey(quizIds, await quizLeaderboardPages(db, quizIds.filter(isUuid), page), { rows: [], totalCount: 0 }),
        );
        leaderboardPages.set(shape, loader);
      }
      return loader;
    },
    viewerQuizEntry: new DataLoader(async (quizIds) => {
      if (!viewer) return quizIds.map(() => null);
      const rows = await quizEntriesOf(db, viewer.userId, quizIds.filter(isUuid));
      return byKey(quizIds, new Map(rows.map((r) => [r.quizId, r])), null);
    }),
  };
}
