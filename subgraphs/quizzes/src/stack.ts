import { commonStackOptions, type RunningService, type StackServiceContext } from '@quizgraph/service-kit';
import { startQuizzesService } from './server.js';

/** How the in-process stack (tests, benches) starts the quizzes service. */
export function startInStack(context: StackServiceContext): Promise<RunningService> {
  return startQuizzesService({
    ...commonStackOptions(context),
    accessKeys: context.accessKeys,
    ...(context.outboxIntervalMs ? { outboxIntervalMs: context.outboxIntervalMs } : {}),
  });
}
