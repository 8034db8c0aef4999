import type { RunningService, StackServiceContext } from '@quizgraph/service-kit';
import { startQuizzesService } from './server.js';

/** How the in-process stack (tests, benches) starts the quizzes service. */
export function startInStack(context: StackServiceContext): Promise<RunningService> {
  return startQuizzesService({
    databaseUrl: context.databaseUrl,
    port: context.port,
    host: context.host,
    ...(context.shutdown ? { shutdown: context.shutdown } : {}),
    logger: context.logger,
    accessKeys: context.accessKeys,
    serviceKeys: context.serviceKeys,
    serviceSigner: context.signer,
    eventSubscribers: () => context.eventRecipients(),
    ...(context.outboxIntervalMs ? { outboxIntervalMs: context.outboxIntervalMs } : {}),
  });
}
