import type { BaseContext } from '@quizgraph/service-kit';
import type { PrismaClient } from './__generated__/prisma/client.js';
import type { AttemptLoaders } from './attemptLoaders.js';
import type { Clock } from './expiry.js';
import type { Loaders } from './loaders.js';
import type { AnswerKeySource } from './quizKeys.js';

export interface Context extends BaseContext {
  db: PrismaClient;
  loaders: Loaders;
  /** Attempts, their answers, pinned keys and history pages, batched per request. */
  attemptLoaders: AttemptLoaders;
  answerKeys: AnswerKeySource;
  /** The server's time (attempts' start, deadline, submission); injectable for tests. */
  clock: Clock;
}
