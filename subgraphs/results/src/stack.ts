import type { RunningService, StackServiceContext } from '@quizgraph/service-kit';
import { quizzesAnswerKeySource } from './quizKeys.js';
import { startResultsService } from './server.js';

/** How the in-process stack (tests, benches) starts the results service: answer keys from the quizzes service started before it. */
export function startInStack(context: StackServiceContext): Promise<RunningService> {
  return startResultsService({
    databaseUrl: context.databaseUrl,
    port: context.port,
    host: context.host,
    ...(context.shutdown ? { shutdown: context.shutdown } : {}),
    logger: context.logger,
    accessKeys: context.accessKeys,
    serviceKeys: context.serviceKeys,
    answerKeys: quizzesAnswerKeySource(context.originOf('quizzes'), context.signer),
    serviceSigner: context.signer,
    ...(context.clock ? { clock: context.clock } : {}),
    eventSubscribers: () => context.eventRecipients(),
    ...(context.outboxIntervalMs ? { outboxIntervalMs: context.outboxIntervalMs } : {}),
  });
}
