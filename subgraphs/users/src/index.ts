import { createLogger, loadAccessTokenKeyRing, loadServiceCredentialKeyRing, staticKeySource } from '@quizgraph/service-kit';
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

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down after in-flight requests');
    service.close().then(() => process.exit(0), (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  });
}
