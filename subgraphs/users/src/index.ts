import { closeOnSignals, createLogger, loadAccessTokenKeyRing, loadServiceCredentialKeyRing, staticKeySource } from '@quizgraph/service-kit';
import { loadEnv } from './env.js';
import { startUsersService } from './server.js';

/** Runs the users subgraph on its own (containers, clusters). `pnpm start` runs everything in one process instead. */
const env = loadEnv();
const logger = createLogger({ service: 'users', level: env.logLevel, pretty: !env.production && process.stdout.isTTY });
const service = await startUsersService({
  databaseUrl: env.databaseUrl,
  port: env.port,
  host: env.host,
  logger,
  accessTokenKeys: await loadAccessTokenKeyRing(env.keys),
  accessTokenTtlSeconds: env.accessTokenTtlSeconds,
  serviceKeys: staticKeySource((await loadServiceCredentialKeyRing(env.keys)).verification),
});
logger.info({ url: service.url }, 'users subgraph ready');

closeOnSignals(() => service.close(), logger);
