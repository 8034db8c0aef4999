import { accessTokenKeySource, closeOnSignals, createLogger, loadServiceCredentials, startTracing } from '@quizgraph/service-kit';
import { loadEnv } from './env.js';
import { startQuizzesService } from './server.js';

/** Runs the quizzes subgraph in a process of its own: in a container, or beside the others under `pnpm start` (stack/src/processes.ts). */
const env = loadEnv();
const logger = createLogger({ service: 'quizzes', level: env.logLevel, pretty: !env.production && process.stdout.isTTY });
// Before the server starts, so that its first request is traced.
const tracing = startTracing(env.tracing);
const credentials = await loadServiceCredentials(env.keys, 'quizzes');
const service = await startQuizzesService({
  databaseUrl: env.databaseUrl,
  databaseTimeouts: env.databaseTimeouts,
  port: env.port,
  host: env.host,
  logger,
  accessKeys: await accessTokenKeySource(env.keys),
  serviceKeys: credentials.keys,
  routerTokens: credentials.routerTokens,
  serviceSigner: credentials.signer,
  eventSubscribers: () => env.eventRecipients,
  outboxRelay: env.outboxRelay,
  shutdown: env.shutdown,
});
logger.info({ url: service.url }, 'quizzes subgraph ready');
closeOnSignals(async () => {
  await service.close();
  // The spans of the last requests still go out.
  await tracing.shutdown();
}, logger);
