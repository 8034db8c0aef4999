import { startQuizzesService } from '@quizgraph/quizzes';
import type { DatabaseUrls } from '@quizgraph/prisma';
import { quizzesAnswerKeySource } from '@quizgraph/results/quizKeys';
import { startResultsService } from '@quizgraph/results';
import { composeSupergraph } from '@quizgraph/router/composition';
import { startRouter, type RunningRouter } from '@quizgraph/router';
import {
  createLogger,
  CREDENTIAL_HOLDERS,
  jwksKeySource,
  keySettingsFromEnv,
  loadOrCreateDevKeyRing,
  loadServiceCredentials,
  type CredentialHolder,
  type Logger,
  type RunningService,
  type ServiceCredentials,
  type ShutdownSettings,
} from '@quizgraph/service-kit';
import { startUsersService, type ThrottlePolicy } from '@quizgraph/users';
import { join } from 'node:path';
import { REPO_ROOT } from '@quizgraph/prisma';

export interface StackPorts {
  router: number;
  users: number;
  quizzes: number;
  results: number;
}

export interface StackOptions {
  databases: DatabaseUrls;
  /** Development keys are generated here on first start. */
  keysDir: string;
  /** 0 everywhere picks free ports (tests). */
  ports: StackPorts;
  host?: string;
  logLevel?: string;
  prettyLogs?: boolean;
  /** Where every service logs (tests read the lines); made from logLevel and prettyLogs when omitted. */
  logger?: Logger;
  /** The results service's clock (tests move it through deadlines without waiting). */
  clock?: () => Date;
  /** How often outbox relays look for undelivered events (tests: shorter). */
  outboxIntervalMs?: number;
  /** Readiness grace and drain timeout of every server when the stack stops. */
  shutdown?: Partial<ShutdownSettings>;
  /** Sign-in throttle limits (defaults: the users service's). */
  throttle?: ThrottlePolicy;
}

export interface RunningStack {
  router: RunningRouter;
  services: { users: RunningService; quizzes: RunningService; results: RunningService };
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Runs the three subgraphs and the router in one process, each on its own port, database and HTTP
 * server, talking to each other over HTTP exactly as separate containers would.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? createLogger({ level: options.logLevel ?? 'info', pretty: options.prettyLogs ?? false });
  const accessTokenKeys = await loadOrCreateDevKeyRing(options.keysDir, 'access');
  // Each process its own key pair, as in production: the router's key cannot speak for results.
  const keySettings = keySettingsFromEnv({}, false, options.keysDir);
  const credentials = Object.fromEntries(
    await Promise.all(CREDENTIAL_HOLDERS.map(async (holder) => [holder, await loadServiceCredentials(keySettings, holder)] as const)),
  ) as Record<CredentialHolder, ServiceCredentials>;
  const serviceKeys = credentials.router.keys;
  const signerFor = (caller: CredentialHolder) => credentials[caller].signer;

  const started: Array<{ close(): Promise<void> }> = [];
  try {
    // Each service's events go where the routing table says; origins are filled in as services start.
    const origins: Partial<Record<'users' | 'quizzes' | 'results', string>> = {};
    const subscribers = () => Object.entries(origins).map(([name, origin]) => ({ name, url: `${origin}/internal/events` }));
    const users = await startUsersService({
      databaseUrl: options.databases.users,
      port: options.ports.users,
      host,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
      logger: logger.child({ service: 'users' }),
      accessTokenKeys,
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 30 * 86_400,
      serviceKeys,
      serviceSigner: signerFor('users'),
      eventSubscribers: subscribers,
      ...(options.throttle ? { throttle: options.throttle } : {}),
    });
    started.push(users);
    // Everyone else verifies access tokens as in production: with the keys the users service publishes.
    const accessKeys = jwksKeySource(`${users.origin}/.well-known/jwks.json`);
    const quizzes = await startQuizzesService({
      databaseUrl: options.databases.quizzes,
      port: options.ports.quizzes,
      host,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
      logger: logger.child({ service: 'quizzes' }),
      accessKeys,
      serviceKeys,
      serviceSigner: signerFor('quizzes'),
      eventSubscribers: subscribers,
      ...(options.outboxIntervalMs ? { outboxIntervalMs: options.outboxIntervalMs } : {}),
    });
    started.push(quizzes);
    origins.quizzes = quizzes.origin;
    const results = await startResultsService({
      databaseUrl: options.databases.results,
      port: options.ports.results,
      host,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
      logger: logger.child({ service: 'results' }),
      accessKeys,
      serviceKeys,
      answerKeys: quizzesAnswerKeySource(quizzes.origin, signerFor('results')),
      serviceSigner: signerFor('results'),
      ...(options.clock ? { clock: options.clock } : {}),
      eventSubscribers: subscribers,
      ...(options.outboxIntervalMs ? { outboxIntervalMs: options.outboxIntervalMs } : {}),
    });
    started.push(results);
    origins.results = results.origin;
    const router = await startRouter({
      // Composed from the SDL files at every start, so an edited schema.graphql takes effect on restart.
      supergraphSdl: await composeSupergraph(join(REPO_ROOT, 'supergraph.yaml')),
      subgraphUrls: { users: users.url, quizzes: quizzes.url, results: results.url },
      port: options.ports.router,
      host,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
      logger: logger.child({ service: 'router' }),
      accessKeys,
      serviceSigner: signerFor('router'),
      production: false,
      corsOrigins: '*',
      subgraphTimeoutMs: 10_000,
      trustProxy: false,
    });
    started.push(router);
    return {
      router,
      services: { users, quizzes, results },
      logger,
      async stop() {
        // The router first, so no new request reaches a subgraph that is closing.
        for (const part of [...started].reverse()) await part.close();
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.close().catch(() => undefined);
    throw error;
  }
}
