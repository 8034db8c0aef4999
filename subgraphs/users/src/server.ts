import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { addOutboxMetrics, startOutboxRelay, type OutboxRelaySettings, type Subscriber } from '@quizgraph/events';
import { openServiceDatabase, RELAY_POOL_SIZE, REQUEST_POOL_SIZE, type DatabaseTimeouts } from '@quizgraph/prisma/runtime';
import {
  publicJwks,
  startSubgraphServer,
  staticKeySource,
  type KeyRing,
  type KeySource,
  type RouterTokenVerifier,
  type Logger,
  type RunningService,
  type ServiceCredentialSigner,
  type ShutdownSettings,
  addDatabasePoolMetrics,
  createMetrics,
} from '@quizgraph/service-kit';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { PrismaClient } from './__generated__/prisma/client.js';
import type { Context } from './context.js';
import { createLoaders } from './loaders.js';
import { configurePasswordWork, decoyPasswordHash, startPasswordWork, stopPasswordWork, type PasswordWorkLimits } from './passwords.js';
import { resolvers } from './resolvers/index.js';
import type { TokenSettings } from './sessions.js';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottlePolicy } from './throttle.js';

export const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface UsersServiceOptions {
  databaseUrl: string;
  /** Statement and transaction timeouts (default: DEFAULT_DATABASE_TIMEOUTS). */
  databaseTimeouts?: DatabaseTimeouts;
  port: number;
  host: string;
  logger: Logger;
  /** Signs access tokens (newest key) and publishes every public key as JWKS. */
  accessTokenKeys: KeyRing;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Verifies the service credentials of the router and sibling services. */
  serviceKeys: KeySource;
  /** Tokens of standard routers /graphql accepts (ROUTER_TOKEN_SHA256); none when omitted. */
  routerTokens?: RouterTokenVerifier | undefined;
  /** Signs this service's own credentials (outbox deliveries). */
  serviceSigner: ServiceCredentialSigner;
  /** Where the consumers of the users service's events (EVENT_ROUTES) listen, e.g. results; read at each delivery. */
  eventSubscribers: () => Subscriber[];
  /** The outbox relay's pacing, retries and timeouts (OUTBOX_* in env.ts; defaults: DEFAULT_OUTBOX_RELAY_SETTINGS). */
  outboxRelay?: Partial<OutboxRelaySettings>;
  /** Readiness grace and drain timeout when closing (SHUTDOWN_* in env.ts). */
  shutdown?: Partial<ShutdownSettings>;
  throttle?: ThrottlePolicy;
  /** Bounds on argon2 work, and where it runs (defaults: passwords.ts). */
  passwordWork?: Partial<PasswordWorkLimits>;
}

export async function startUsersService(options: UsersServiceOptions): Promise<RunningService> {
  const database = openServiceDatabase(
    options.databaseUrl,
    (adapter, defaults) => new PrismaClient({ adapter, ...defaults }),
    REQUEST_POOL_SIZE,
    options.databaseTimeouts,
  );
  const { db } = database;
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
  const tokens: TokenSettings = {
    signingKey: options.accessTokenKeys.signing,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds,
  };
  const throttle = new LoginThrottle(db, options.throttle ?? DEFAULT_THROTTLE);
  // The relay polls in the background on its own small pool: it never takes a connection a request
  // needs, and request SQL counts (statements()) stay the requests' own.
  const relayDatabase = openServiceDatabase(
    options.databaseUrl,
    (adapter, defaults) => new PrismaClient({ adapter, ...defaults }),
    RELAY_POOL_SIZE,
    options.databaseTimeouts,
  );
  const outbox = startOutboxRelay({
    db: relayDatabase.db,
    service: 'users',
    subscribers: options.eventSubscribers,
    signer: options.serviceSigner,
    logger: options.logger,
    ...options.outboxRelay,
  });
  configurePasswordWork(options.passwordWork ?? {}, { logger: options.logger });
  // The hashing helper first: a service that cannot check passwords does not start.
  await startPasswordWork();
  await decoyPasswordHash();

  const metrics = createMetrics('users');
  addDatabasePoolMetrics(metrics, { requests: database.poolStats, background: relayDatabase.poolStats });
  addOutboxMetrics(metrics, relayDatabase.db);
  const server = await startSubgraphServer<Context>({
    metrics,
    name: 'users',
    schema,
    logger: options.logger,
    accessKeys: staticKeySource(options.accessTokenKeys.verification),
    serviceKeys: options.serviceKeys,
    routerTokens: options.routerTokens,
    buildContext: (base) => ({ ...base, db, loaders: createLoaders(db), tokens, throttle, outbox }),
    checkReady: database.ping,
    routes: (app) => {
      // Public by design: verifiers (the router, other services, anyone) fetch the access-token keys here.
      app.get('/.well-known/jwks.json', (_req, res) => {
        res.setHeader('cache-control', 'public, max-age=300');
        res.json(publicJwks(options.accessTokenKeys.verification));
      });
    },
    port: options.port,
    host: options.host,
    ...(options.shutdown ? { shutdown: options.shutdown } : {}),
  });

  return {
    ...server,
    name: 'users',
    sqlStatements: database.statements,
    async close() {
      await server.close();
      await outbox.stop();
      await relayDatabase.close();
      await database.close();
      await stopPasswordWork();
    },
  };
}

export type { ThrottlePolicy } from './throttle.js';
