import { commonStackOptions, type RunningService, type StackServiceContext } from '@quizgraph/service-kit';
import { startUsersService } from './server.js';
import type { ThrottlePolicy } from './throttle.js';

/** How the in-process stack (tests, benches) starts the users service: `settings.throttle` sets the sign-in throttle. */
export function startInStack(context: StackServiceContext): Promise<RunningService> {
  const throttle = context.settings.throttle as ThrottlePolicy | undefined;
  return startUsersService({
    ...commonStackOptions(context),
    accessTokenKeys: context.accessTokenKeys,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 30 * 86_400,
    ...(context.outboxIntervalMs ? { outboxRelay: { intervalMs: context.outboxIntervalMs } } : {}),
    ...(throttle ? { throttle } : {}),
  });
}
