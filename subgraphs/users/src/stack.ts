import type { RunningService, StackServiceContext } from '@quizgraph/service-kit';
import { startUsersService } from './server.js';
import type { ThrottlePolicy } from './throttle.js';

/** How the in-process stack (tests, benches) starts the users service: `settings.throttle` sets the sign-in throttle. */
export function startInStack(context: StackServiceContext): Promise<RunningService> {
  const throttle = context.settings.throttle as ThrottlePolicy | undefined;
  return startUsersService({
    databaseUrl: context.databaseUrl,
    port: context.port,
    host: context.host,
    ...(context.shutdown ? { shutdown: context.shutdown } : {}),
    logger: context.logger,
    accessTokenKeys: context.accessTokenKeys,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 30 * 86_400,
    serviceKeys: context.serviceKeys,
    serviceSigner: context.signer,
    eventSubscribers: () => context.eventRecipients(),
    ...(context.outboxIntervalMs ? { outboxRelay: { intervalMs: context.outboxIntervalMs } } : {}),
    ...(throttle ? { throttle } : {}),
  });
}
