import type { OutboxRelay } from '@quizgraph/events';
import type { BaseContext } from '@quizgraph/service-kit';
import type { PrismaClient } from './__generated__/prisma/client.js';
import type { Loaders } from './loaders.js';
import type { AnswerKeySource } from './quizKeys.js';

export interface Context extends BaseContext {
  db: PrismaClient;
  loaders: Loaders;
  answerKeys: AnswerKeySource;
  /** Delivers QuizPlayed events; kicked after a submission wrote one. */
  outbox: OutboxRelay;
}
