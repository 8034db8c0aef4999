import type { OutboxRelay } from '@quizgraph/events';
import type { BaseContext } from '@quizgraph/service-kit';
import type { PrismaClient } from './__generated__/prisma/client.js';
import type { Loaders } from './loaders.js';
import type { TokenSettings } from './sessions.js';
import type { LoginThrottle } from './throttle.js';

export interface Context extends BaseContext {
  db: PrismaClient;
  loaders: Loaders;
  tokens: TokenSettings;
  throttle: LoginThrottle;
  outbox: OutboxRelay;
}
