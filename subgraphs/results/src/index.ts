import {
  accessTokenKeySource,
  closeOnSignals,
  createLogger,
  loadServiceCredentialKeyRing,
  ServiceCredentialSigner,
  staticKeySource,
} from '@quizgraph/service-kit';
import { loadEnv } from './env.js';
import { quizzesAnswerKeySource } from './quizKeys.js';
import { startResultsService } from './server.js';

/** Runs the results subgraph on its own (containers, clusters). `pnpm start` runs everything in one process instead. */
const env = loadEnv();
const logger = createLogger({ service: 'results', level: env.logLevel, pretty: !env.production && process.stdout.isTTY });
const serviceKeys = await loadServiceCredentialKeyRing(env.keys);
const signer = new ServiceCredentialSigner('results', serviceKeys.signing);
const service = await startResultsService({
  databaseUrl: env.databaseUrl,
  port: env.port,
  host: env.host,
  logger,
  accessKeys: await accessTokenKeySource(env.keys),
  serviceKeys: staticKeySource(serviceKeys.verification),
  answerKeys: quizzesAnswerKeySource(env.quizzesInternalUrl, signer),
  serviceSigner: signer,
  // QuizPlayed events go to the quizzes service's internal events endpoint, beside its key channel.
  eventSubscribers: () => [{ name: 'quizzes', url: new URL('/internal/events', env.quizzesInternalUrl).href }],
  expirySweepIntervalMs: env.expirySweepIntervalMs,
});
logger.info({ url: service.url }, 'results subgraph ready');
closeOnSignals(() => service.close(), logger);
