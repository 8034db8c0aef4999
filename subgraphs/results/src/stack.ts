import { commonStackOptions, type RunningService, type StackServiceContext } from '@quizgraph/service-kit';
import { quizzesAnswerKeySource } from './quizKeys.js';
import { startResultsService } from './server.js';

/** How the in-process stack (tests, benches) starts the results service: answer keys from the quizzes service started before it. */
export function startInStack(context: StackServiceContext): Promise<RunningService> {
  return startResultsService({
    ...commonStackOptions(context),
    accessKeys: context.accessKeys,
    answerKeys: quizzesAnswerKeySource(context.originOf('quizzes'), context.signer),
    ...(context.clock ? { clock: context.clock } : {}),
    ...(context.outboxIntervalMs ? { outboxIntervalMs: context.outboxIntervalMs } : {}),
  });
}
