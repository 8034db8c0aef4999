import { accessTokenKeySource, closeOnSignals, createLogger, loadServiceCredentials, startTracing } from '@quizgraph/service-kit';
import { readFile } from 'node:fs/promises';
import { loadEnv } from './env.js';
import { loadSafelist } from './persistedOperations.js';
import { startRouter } from './server.js';

/** Runs the router in a process of its own: in a container, or beside the others under `pnpm start` (stack/src/processes.ts). */
const env = loadEnv();
const logger = createLogger({ service: 'router', level: env.logLevel, pretty: !env.production && process.stdout.isTTY });
// Before the server starts, so that its first request is traced.
const tracing = startTracing(env.tracing);
const router = await startRouter({
  supergraphSdl: await readFile(env.supergraphPath, 'utf8'),
  subgraphUrls: env.subgraphUrls,
  port: env.port,
  host: env.host,
  logger,
  accessKeys: await accessTokenKeySource(env.keys),
  serviceSigner: (await loadServiceCredentials(env.keys, 'router')).signer,
  production: env.production,
  corsOrigins: env.corsOrigins,
  subgraphTimeoutMs: env.subgraphTimeoutMs,
  subgraphResilience: env.subgraphResilience,
  trustProxy: env.trustProxy,
  ...(env.safelistPath ? { safelist: await loadSafelist(env.safelistPath) } : {}),
  queryLimits: env.queryLimits,
  shutdown: env.shutdown,
  ...(env.metricsPort !== undefined ? { metricsPort: env.metricsPort } : {}),
});
logger.info({ url: router.url, ...(router.metricsOrigin ? { metrics: `${router.metricsOrigin}/metrics` } : {}) }, 'router ready');

closeOnSignals(async () => {
  await router.close();
  // The spans of the last requests still go out.
  await tracing.shutdown();
}, logger);
