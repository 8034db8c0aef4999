import {
  accessTokenKeySource,
  closeOnSignals,
  createLogger,
  loadServiceCredentialKeyRing,
  ServiceCredentialSigner,
  staticKeySource,
} from '@quizgraph/service-kit';
import { loadEnv } from './env.js';
import { startQuizzesService } from './server.js';

/** Runs the quizzes subgraph on its own (containers, clusters). `pnpm start` runs everything in one process instead. */
const env = loadEnv();
const logger = createLogger({ service: 'quizzes', level: env.logLevel, pretty: !env.production && process.stdout.isTTY });
const serviceKeys = await loadServiceCredentialKeyRing(env.keys);
const service = await startQuizzesService({
  databaseUrl: env.databaseUrl,
  port: env.port,
  host: env.host,
  logger,
  accessKeys: await accessTokenKeySource(env.keys),
  serviceKeys: staticKeySource(serviceKeys.verification),
  serviceSigner: new ServiceCredentialSigner('quizzes', serviceKeys.signing),
  eventSubscribers: () => [{ name: 'results', url: env.resultsEventsUrl }],
});
logger.info({ url: service.url }, 'quizzes subgraph ready');
closeOnSignals(() => service.close(), logger);
