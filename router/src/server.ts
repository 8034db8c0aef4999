import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import {
  bearerToken,
  refusingRequest,
  createErrorFormatter,
  listen,
  REQUEST_ID_HEADER,
  requestIdOf,
  requestLogger,
  requestLogPlugin,
  createMetrics,
  verifyAccessToken,
  type KeySource,
  type Logger,
  type RunningServer,
  type ServiceCredentialSigner,
  type ShutdownSettings,
} from '@quizgraph/service-kit';
import cors from 'cors';
import express from 'express';
import { legacyJsonStatusPlugin, operationResolutionPlugin } from './clientErrors.js';
import type { RouterContext } from './context.js';
import { safelistMiddleware, type Safelist } from './persistedOperations.js';
import { sandboxInitialState } from './sandbox.js';
import { costModelFromSupergraph, DEFAULT_QUERY_LIMITS, keepingLimitErrors, queryLimitsGate, queryLimitsPlugin, type QueryLimits } from './limits.js';
import { SubgraphDataSource, type SubgraphResilienceOptions } from './subgraphDataSource.js';

export interface RouterOptions {
  supergraphSdl: string;
  /** Overrides of the routing URLs in the supergraph, by subgraph name (e.g. `users`). */
  subgraphUrls: Partial<Record<string, string>>;
  port: number;
  host: string;
  logger: Logger;
  accessKeys: KeySource;
  serviceSigner: ServiceCredentialSigner;
  /** Production: no Sandbox, no introspection, no field suggestions, limits refused without their values. */
  production: boolean;
  /** Limits on each request's shape (defaults: DEFAULT_QUERY_LIMITS in limits.ts). */
  queryLimits?: Partial<QueryLimits>;
  /** Browser origins allowed to call the API; `*` allows any (tokens travel in a header, never in cookies). */
  corsOrigins: string[] | '*';
  subgraphTimeoutMs: number;
  /** Retries of failed subgraph queries and each subgraph's circuit breaker (defaults: resilience.ts). */
  subgraphResilience?: SubgraphResilienceOptions;
  /** Express `trust proxy`: how to read the client's address behind load balancers (false: the socket's). */
  trustProxy: false | number | string;
  /**
   * Safelist mode: only these operations run (persistedOperations.ts). Without it, automatic persisted
   * queries are on: a client may send a query's SHA-256 instead of its text once the router has seen it.
   */
  safelist?: Safelist;
  /** Readiness grace and drain timeout when closing (SHUTDOWN_* in env.ts). */
  shutdown?: Partial<ShutdownSettings>;
  /**
   * METRICS_PORT: serve `/metrics` on this port (same host) and not on the public one, so a published
   * port never shows the operation names and error counts. Without it, `/metrics` is on the public port.
   */
  metricsPort?: number;
}

export interface RunningRouter extends RunningServer {
  /** The public GraphQL endpoint, e.g. http://localhost:4000/graphql */
  url: string;
  /** With `metricsPort`: where `/metrics` is served, e.g. http://127.0.0.1:9464 */
  metricsOrigin?: string;
}

/** Routing URLs named in the supergraph (`@join__graph(name:, url:)`), by subgraph name. */
function routingUrls(supergraphSdl: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    urls.set(match[1]!, match[2]!);
  }
  return urls;
}

/** Production: drops graphql-js's "Did you mean …?" from every client error (variable coercion too). */
function withoutSuggestions(format: ReturnType<typeof createErrorFormatter>): ReturnType<typeof createErrorFormatter> {
  return (formatted, error) => {
    const result = format(formatted, error);
    return { ...result, message: result.message.replace(/ ?Did you mean .+?\?/g, '') };
  };
}

export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const { logger } = options;
  const subgraphUrl = (name: string, url: string | undefined) => options.subgraphUrls[name] ?? url ?? '';
  const metrics = createMetrics('router');
  const observeFetch = metrics.histogram(
    'quizgraph_subgraph_fetch_duration_seconds',
    'Calls from the router to a subgraph (retries included), by subgraph and outcome.',
    ['subgraph', 'outcome'],
  );
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        url: subgraphUrl(name, url),
        signer: options.serviceSigner,
        timeoutMs: options.subgraphTimeoutMs,
        ...(options.subgraphResilience ? { resilience: options.subgraphResilience } : {}),
        logger,
        observe: (subgraph, outcome, seconds) => observeFetch({ subgraph, outcome }, seconds),
      }),
    logger,
  });

  const queryLimits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...options.queryLimits };
  const limitsOptions = { model: costModelFromSupergraph(options.supergraphSdl), limits: queryLimits, production: options.production };
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    introspection: !options.production,
    // Automatic persisted queries (in memory), except in safelist mode, where nothing can be registered.
    ...(options.safelist ? { persistedQueries: false as const } : {}),
    // "Did you mean …" names fields of the schema: a map of it for whoever probes, with introspection off.
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: keepingLimitErrors(options.production ? withoutSuggestions(createErrorFormatter()) : createErrorFormatter()),
    includeStacktraceInErrorResponses: false,
    // queryLimitsGate counts tokens before this parse; the parser's own limit backs it up.
    parseOptions: { maxTokens: queryLimits.maxTokens },
    // One operation per request: a batch would multiply every limit below by its length.
    allowBatchedHttpRequests: false,
    // The process owner shuts down in order (router, subgraphs, database): Apollo's own SIGINT handler
    // would stop this server and re-raise the signal, killing the process halfway.
    stopOnTerminationSignals: false,
    plugins: [
      // Limits of a request sent as a persisted query's hash (the gate below checks every other).
      queryLimitsPlugin(limitsOptions),
      operationResolutionPlugin(),
      requestLogPlugin<RouterContext>(),
      metrics.plugin as ApolloServerPlugin<RouterContext>,
      legacyJsonStatusPlugin(),
      // Production serves no page at all: Apollo's production page still loads its script from Apollo's CDN.
      options.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, ...sandboxInitialState() }),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'router' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      [...routingUrls(options.supergraphSdl)].map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/ready', subgraphUrl(name, url)), { signal: AbortSignal.timeout(2_000) });
          return [name, response.ok ? 'ready' : 'unavailable'] as const;
        } catch {
          return [name, 'unavailable'] as const;
        }
      }),
    );
    // Ready while any subgraph is: one failing subgraph (its database, say) must not take every router
    // replica out of the load balancer, since the others still answer and partial responses and the
    // circuit breaker deal with the failing one. The body says which subgraphs are not ready.
    const readyCount = checks.filter(([, state]) => state === 'ready').length;
    const status = readyCount === checks.length ? 'ready' : readyCount > 0 ? 'degraded' : 'unavailable';
    res.status(readyCount > 0 ? 200 : 503).json({ status, subgraphs: Object.fromEntries(checks) });
  });
  const serveMetrics: express.RequestHandler = async (_req, res) => {
    const { contentType, body } = await metrics.render();
    res.type(contentType).send(body);
  };
  if (options.metricsPort === undefined) app.get('/metrics', serveMetrics);
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(
    '/graphql',
    // x-request-id readable by browser clients, so that they can quote it when reporting an error.
    cors({ origin: options.corsOrigins === '*' ? true : options.corsOrigins, maxAge: 600, exposedHeaders: [REQUEST_ID_HEADER] }),
    express.json({ limit: '100kb' }),
    ...(options.safelist ? [safelistMiddleware(options.safelist)] : []),
    // Before Apollo Server parses and validates: validation is where an abusive shape costs seconds.
    queryLimitsGate({ ...limitsOptions, logger }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RouterContext> => {
        const requestId = requestIdOf(req);
        res.setHeader(REQUEST_ID_HEADER, requestId);
        // Verified once here: a bad token is refused before any subgraph is called.
        const { accessToken, viewer } = await refusingRequest(async () => {
          const token = bearerToken(req.headers.authorization);
          return { accessToken: token, viewer: token ? await verifyAccessToken(token, options.accessKeys) : null };
        });
        const client = { address: req.ip ?? null, userAgent: req.get('user-agent')?.slice(0, 300) ?? null };
        return { requestId, logger: requestLogger(logger, requestId), accessToken, viewer, client };
      },
    }),
  );

  // The metrics listener: `/metrics` alone, with a short drain (a scrape is short), closed after the public one.
  let metricsServer: Awaited<ReturnType<typeof listen>> | undefined;
  if (options.metricsPort !== undefined) {
    const metricsApp = express();
    metricsApp.disable('x-powered-by');
    metricsApp.get('/metrics', serveMetrics);
    metricsServer = await listen(metricsApp, options.metricsPort, options.host, logger, { readinessGraceMs: 0, drainTimeoutMs: 1_000 }, 'router-metrics');
  }
  const running = await listen(app, options.port, options.host, logger, options.shutdown, 'router').catch(async (error: unknown) => {
    await metricsServer?.close();
    throw error;
  });
  return {
    ...running,
    url: `${running.origin}/graphql`,
    ...(metricsServer ? { metricsOrigin: metricsServer.origin } : {}),
    async close() {
      await running.close();
      await metricsServer?.close();
      await apollo.stop();
    },
  };
}

export { loadSafelist, safelistFrom, type PersistedQueryManifest, type Safelist } from './persistedOperations.js';
