import {
  closeOnSignals,
  createLogger,
  loadAccessTokenKeyRing,
  loadServiceCredentials,
} from '@quizgraph/service-kit';
import { loadEnv } from './env.js';
import { startUsersService } from './server.js';

/** Runs the users subgraph on its own (containers, clusters). `pnpm start` runs everything in one process instead. */
const env = loadEnv();
const logger = createLogger({ service: 'users', level: env.logLevel, pretty: !env.production && process.stdout.isTTY });
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
  serviceSigner: credentials.signer,
  ...(env.passwordHashingConcurrency ? { passwordWork: { concurrency: env.passwordHashingConcurrency } } : {}),
  eventSubscribers: () => [
    { name: 'results', url: env.resultsEventsUrl },
    { name: 'quizzes', url: env.quizzesEventsUrl },
  ],
  outboxRelay: env.outboxRelay,
  shutdown: env.shutdown,
});
logger.info({ url: service.url }, 'users subgraph ready');
closeOnSignals(() => service.close(), logger);
