import { accessTokenKeySource, closeOnSignals, createLogger, loadServiceCredentials, startTracing } from '@quizgraph/service-kit';
import { loadEnv } from './env.js';
import { quizzesAnswerKeySource } from './quizKeys.js';
import { startResultsService } from './server.js';

/** Runs the results subgraph in a process of its own: in a container, or beside the others under `pnpm start` (stack/src/processes.ts). */
const env = loadEnv();
const logger = createLogger({ service: 'results', level: env.logLevel, pretty: !env.production && process.stdout.isTTY });
// Before the server starts, so that its first request is traced.
const tracing = startTracing(env.tracing);
const credentials = await loadServiceCredentials(env.keys, 'results');
const signer = credentials.signer;
const service = await startResultsService({
  databaseUrl: env.databaseUrl,
  databaseTimeouts: env.databaseTimeouts,
  port: env.port,
  host: env.host,
  logger,
  accessKeys: await accessTokenKeySource(env.keys),
  serviceKeys: credentials.keys,
  routerTokens: credentials.routerTokens,
  answerKeys: quizzesAnswerKeySource(env.quizzesInternalUrl, signer),
  serviceSigner: signer,
  eventSubscribers: () => env.eventRecipients,
  expirySweepIntervalMs: env.expirySweepIntervalMs,
  outboxRelay: env.outboxRelay,
  shutdown: env.shutdown,
});
logger.info({ url: service.url }, 'results subgraph ready');
closeOnSignals(async () => {
  await service.close();
  // The spans of the last requests still go out.
  await tracing.shutdown();
}, logger);
