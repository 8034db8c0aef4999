import { closeOnSignals, createLogger, loadAccessTokenKeyRing, loadServiceCredentials, startTracing } from '@quizgraph/service-kit';
import { loadEnv } from './env.js';
import { startUsersService } from './server.js';

/** Runs the users subgraph in a process of its own: in a container, or beside the others under `pnpm start` (stack/src/processes.ts). */
const env = loadEnv();
const logger = createLogger({ service: 'users', level: env.logLevel, pretty: !env.production && process.stdout.isTTY });
// Before the server starts, so that its first request is traced.
const tracing = startTracing(env.tracing);
const credentials = await loadServiceCredentials(env.keys, 'users');
const service = await startUsersService({
  databaseUrl: env.databaseUrl,
  databaseTimeouts: env.databaseTimeouts,
  port: env.port,
  host: env.host,
  logger,
  accessTokenKeys: await loadAccessTokenKeyRing(env.keys),
  accessTokenTtlSeconds: env.accessTokenTtlSeconds,
  refreshTokenTtlSeconds: env.refreshTokenTtlSeconds,
  serviceKeys: credentials.keys,
  routerTokens: credentials.routerTokens,
  serviceSigner: credentials.signer,
  passwordWork: {
    isolation: env.passwordHashingIsolation,
    ...(env.passwordHashingConcurrency ? { concurrency: env.passwordHashingConcurrency } : {}),
  },
  eventSubscribers: () => env.eventRecipients,
  outboxRelay: env.outboxRelay,
  shutdown: env.shutdown,
});
logger.info({ url: service.url }, 'users subgraph ready');
closeOnSignals(async () => {
  await service.close();
  // The spans of the last requests still go out.
  await tracing.shutdown();
}, logger);
