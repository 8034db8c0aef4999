import type { OutboxRelay } from '@quizgraph/events';
import type { BaseContext } from '@quizgraph/service-kit';
import type { PrismaClient } from './__generated__/prisma/client.js';
import type { Loaders } from './loaders.js';

export interface Context extends BaseContext {
  db: PrismaClient;
  loaders: Loaders;
  /** Delivers QuizArchived events; kicked after a change that wrote one. */
  outbox: OutboxRelay;
}
