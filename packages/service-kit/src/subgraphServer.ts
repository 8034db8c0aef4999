import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createErrorFormatter } from './errors.js';
import { refuseNulBytesPlugin } from './nulBytes.js';
import { requestLogPlugin } from './requestLog.js';
import { createMetrics, type Metrics } from './metrics.js';
import { listen, type RunningServer } from './httpServer.js';
import type { Logger } from './logger.js';
import type { ShutdownSettings } from './shutdown.js';
import { clientOf, REQUEST_ID_HEADER, requestIdOf, requestLogger, viewerOf, type BaseContext } from './requestContext.js';
import { ROUTER_TOKEN_CALLER, ROUTER_TOKEN_HEADER, type RouterTokenVerifier } from './routerToken.js';
import { ROUTER } from '@quizgraph/topology';
import { SERVICE_CREDENTIAL_HEADER, verifyServiceCredential, type KeySource, type ServiceCaller } from './tokens.js';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** The service's name, and the audience its callers' credentials must name. */
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  /** Public keys of access tokens (issued by users). */
  accessKeys: KeySource;
  /** Public keys of service credentials (held by the router and the subgraphs). */
  serviceKeys: KeySource;
  /** Router tokens /graphql accepts as the caller `router` besides credentials (a standard router: routerToken.ts); none when omitted. */
  routerTokens?: RouterTokenVerifier | undefined;
  buildContext(base: BaseContext): TContext;
  /** Resolves when the service's dependencies answer; `/ready` reports it. */
  checkReady(): Promise<void>;
  /** Extra HTTP routes (internal endpoints, JWKS), mounted before /graphql. */
  routes?(app: Express, requireCaller: (allowed: readonly string[]) => express.RequestHandler): void;
  port: number;
  host: string;
  /** The service's metrics (with its own gauges), served at /metrics; one is made when omitted. */
  metrics?: Metrics;
  /** Readiness grace and drain timeout when closing (defaults: DEFAULT_SHUTDOWN_SETTINGS). */
  shutdown?: Partial<ShutdownSettings>;
}

export interface RunningSubgraph extends RunningServer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql */
  url: string;
}

function unauthenticated(res: Response, message: string): void {
  res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * The HTTP shell every subgraph shares: /health and /ready, and a /graphql that answers only the router
 * (its valid service credential addressed to this service, or a standard router's token). Without it, `_entities` (which skips
 * root-field checks) and `_service` would be open to anyone who can reach the port.
 */
export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningSubgraph> {
  const { name, logger } = options;
  const app = express();
  app.disable('x-powered-by');

  const authenticateCaller = async (req: Request, acceptRouterToken: boolean): Promise<ServiceCaller | undefined> => {
    const credential = req.headers[SERVICE_CREDENTIAL_HEADER];
    if (typeof credential !== 'string') {
      const token = req.headers[ROUTER_TOKEN_HEADER];
      return acceptRouterToken && options.routerTokens?.accepts(typeof token === 'string' ? token : undefined) ? { name: ROUTER_TOKEN_CALLER } : undefined;
    }
    try {
      return await verifyServiceCredential(credential, options.serviceKeys, name);
    } catch {
      return undefined;
    }
  };
  // Only /graphql takes a router token: the internal channels stay signed-credential-only.
  const requireCaller =
    (allowed: readonly string[], acceptRouterToken = false) =>
    async (req: Request, res: Response, next: NextFunction) => {
      const caller = await authenticateCaller(req, acceptRouterToken);
      if (!caller || !allowed.includes(caller.name)) {
        unauthenticated(res, `${name} answers only the Quizgraph router and services, with a service credential.`);
        return;
      }
      res.locals.caller = caller;
      next();
    };

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await options.checkReady();
      res.json({ status: 'ready', service: name });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', service: name });
    }
  });
  const metrics = options.metrics ?? createMetrics(name);
  // Like /health and /ready, for the operator's scraper on the internal network (no credential).
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await metrics.render();
    res.type(contentType).send(body);
  });
  options.routes?.(app, requireCaller);

  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createErrorFormatter(),
    // The subgraph is never browsed directly (Sandbox lives on the router), and traces go to no Apollo
    // usage reporting, so inline traces would only add weight to every response.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      refuseNulBytesPlugin(200),
      requestLogPlugin<TContext>(),
      metrics.plugin as ApolloServerPlugin<TContext>,
    ],
    includeStacktraceInErrorResponses: false,
    // The process owner shuts down in order (router, subgraphs, database): Apollo's own SIGINT handler
    // would stop this server and re-raise the signal, killing the process halfway.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.use(
    '/graphql',
    // The router alone (its signed credential, or a standard router's token): no subgraph queries
    // another's GraphQL, so a compromised subgraph cannot read its siblings' data through `_entities`.
    requireCaller([ROUTER.name], true),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req);
        res.setHeader(REQUEST_ID_HEADER, requestId);
        const viewer = await viewerOf(req, options.accessKeys);
        return options.buildContext({
          requestId,
          logger: requestLogger(logger, requestId),
          viewer,
          caller: res.locals.caller as ServiceCaller,
          // Only ever read here, behind requireCaller: a client reaching the subgraph directly gets 401 first.
          client: clientOf(req),
        });
      },
    }),
  );

  const running = await listen(app, options.port, options.host, options.logger, options.shutdown, name);
  return {
    ...running,
    url: `${running.origin}/graphql`,
    async close() {
      // Stop accepting connections and let in-flight requests finish, then stop Apollo.
      await running.close();
      await apollo.stop();
    },
  };
}
