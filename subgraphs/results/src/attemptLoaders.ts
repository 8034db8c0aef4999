import DataLoader from 'dataloader';
import { isUuid } from '@quizgraph/service-kit';
import type { Attempt, AttemptAnswer, PrismaClient } from './__generated__/prisma/client.js';
import { closingOverdue, type Clock } from './expiry.js';
import { historyPageKey, historyPages, type HistoryPage } from './history.js';
import type { AnswerKey, AnswerKeySource } from './quizKeys.js';

/** Per-request loaders of attempts and what reading them needs. */
export interface AttemptLoaders {
  /** Attempts by id; those whose time ran out are closed before they are shown. */
  byId: DataLoader<string, Attempt | null>;
  /** Each submitted attempt's stored answers, one statement for all attempts of a request. */
  answers: DataLoader<string, AttemptAnswer[]>;
  /** The answer key of a pinned quiz version (kept in memory across requests by the key source). */
  pinnedKey: DataLoader<{ quizId: string; version: number }, AnswerKey | null, string>;
  /** Each player's attempts, one page shape at a time; every player asked for it costs one statement. */
  history(page: HistoryPage): DataLoader<string, Attempt[]>;
}

export function createAttemptLoaders(db: PrismaClient, answerKeys: AnswerKeySource, clock: Clock): AttemptLoaders {
  const historyLoaders = new Map<string, DataLoader<string, Attempt[]>>();
  return {
    byId: new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length > 0 ? await db.attempt.findMany({ where: { id: { in: [...valid] } } }) : [];
      const shown = new Map((await closingOverdue(db, found, clock())).map((a) => [a.id, a]));
      return ids.map((id) => shown.get(id) ?? null);
    }),
    answers: new DataLoader(async (attemptIds) => {
      const rows = await db.attemptAnswer.findMany({ where: { attemptId: { in: [...attemptIds] } } });
      const byAttempt = new Map<string, AttemptAnswer[]>(attemptIds.map((id) => [id, []]));
      for (const row of rows) byAttempt.get(row.attemptId)?.push(row);
      return attemptIds.map((id) => byAttempt.get(id)!);
    }),
    pinnedKey: new DataLoader((pins) => Promise.all(pins.map(({ quizId, version }) => answerKeys.answerKey(quizId, version).catch((error: Error) => error))), {
      cacheKeyFn: ({ quizId, version }) => `${quizId}@${version}`,
    }),
    history(page) {
      const shape = historyPageKey(page);
      let loader = historyLoaders.get(shape);
      if (!loader) {
        loader = new DataLoader(async (userIds) => {
          const valid = userIds.filter(isUuid);
          const pages = valid.length > 0 ? await historyPages(db, valid, page) : new Map<string, Attempt[]>();
          // One lazy close for every attempt the pages show: an attempt past its time never reads as open.
          const shown = new Map((await closingOverdue(db, [...pages.values()].flat(), clock())).map((a) => [a.id, a]));
          return userIds.map((id) => (pages.get(id) ?? []).map((a) => shown.get(a.id) ?? a));
        });
        historyLoaders.set(shape, loader);
      }
      return loader;
    },
  };
}
