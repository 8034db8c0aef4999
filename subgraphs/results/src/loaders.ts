import DataLoader from 'dataloader';
import { isUuid, type Viewer } from '@quizgraph/service-kit';
import type { PrismaClient } from './__generated__/prisma/client.js';
import { boardEntries, boardPages, emptyPage, pageShape, type LeaderboardPage, type LeaderboardRow, type PageRequest } from './leaderboards.js';
import type { LeaderboardWindow } from './ranking.js';
import { playerRecords, questionRecords, quizTallies, type PlayerRecord, type QuestionRecord, type QuizTallyRecord } from './stats.js';

/**
 * Per-request loaders: every list the graph asks for (many quizzes' boards and stats in one
 * `_entities`, many users' stats) is one statement per loader, whatever its length.
 */
export interface Loaders {
  /** A page of each board (key: the board's scope), one loader per page shape. */
  boardPage(request: PageRequest): DataLoader<string, LeaderboardPage>;
  /** Players' entries on boards of a window (key: `{ scope, userId }`), with their ranks; null when not ranked. */
  boardEntry(window: LeaderboardWindow): DataLoader<{ scope: string; userId: string }, LeaderboardRow | null, string>;
  playerRecord: DataLoader<string, PlayerRecord | undefined>;
  quizTally: DataLoader<string, QuizTallyRecord | undefined>;
  questionRecord: DataLoader<string, QuestionRecord | undefined>;
}

/** `now` fixes the request's time: which period DAY, WEEK and MONTH boards show, and whether a streak is current. */
export function createLoaders(db: PrismaClient, _viewer: Viewer | null, now: Date = new Date()): Loaders {
  const pages = new Map<string, DataLoader<string, LeaderboardPage>>();
  const entries = new Map<LeaderboardWindow, DataLoader<{ scope: string; userId: string }, LeaderboardRow | null, string>>();
  return {
    boardPage(request) {
      const shape = pageShape(request);
      let loader = pages.get(shape);
      if (!loader) {
        loader = new DataLoader(async (scopes) => {
          const valid = scopes.filter(isUuid);
          const found = valid.length > 0 ? await boardPages(db, valid, request, now) : new Map<string, LeaderboardPage>();
          return scopes.map((scope) => found.get(scope.toLowerCase()) ?? emptyPage(request, { scope, window: request.window }));
        });
        pages.set(shape, loader);
      }
      return loader;
    },
    boardEntry(window) {
      let loader = entries.get(window);
      if (!loader) {
        loader = new DataLoader(
          async (keys) => {
            const valid = keys.filter((k) => isUuid(k.scope) && isUuid(k.userId));
            const rows = valid.length > 0 ? await boardEntries(db, window, valid, now) : [];
            const found = new Map(rows.map(({ scope, ...row }) => [`${scope}|${row.userId}`, row]));
            return keys.map((k) => found.get(`${k.scope}|${k.userId}`.toLowerCase()) ?? null);
          },
          { cacheKeyFn: (k) => `${k.scope}|${k.userId}` },
        );
        entries.set(window, loader);
      }
      return loader;
    },
    playerRecord: new DataLoader(async (userIds) => {
      const found = await playerRecords(db, userIds.filter(isUuid));
      return userIds.map((id) => found.get(id));
    }),
    quizTally: new DataLoader(async (quizIds) => {
      const found = await quizTallies(db, quizIds.filter(isUuid));
      return quizIds.map((id) => found.get(id));
    }),
    questionRecord: new DataLoader(async (questionIds) => {
      const found = await questionRecords(db, questionIds.filter(isUuid));
      return questionIds.map((id) => found.get(id));
    }),
  };
}
