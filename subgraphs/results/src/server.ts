import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { addOutboxMetrics, eventsRoute, startOutboxRelay, type OutboxRelaySettings, type Subscriber } from '@quizgraph/events';
import { openServiceDatabase, RELAY_POOL_SIZE, REQUEST_POOL_SIZE, type DatabaseTimeouts } from '@quizgraph/prisma/runtime';
import {
  startSubgraphServer,
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
import { createAttemptLoaders } from './attemptLoaders.js';
import { applyEvent } from './events.js';
import { DEFAULT_EXPIRY_SWEEP_MS, startExpirySweeper, systemClock, type Clock } from './expiry.js';
import { createLoaders } from './loaders.js';
import { cachingAnswerKeySource, type AnswerKeySource } from './quizKeys.js';
import { resolvers } from './resolvers/index.js';

export const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface ResultsServiceOptions {
  databaseUrl: string;
  /** Statement and transaction timeouts (default: DEFAULT_DATABASE_TIMEOUTS). */
  databaseTimeouts?: DatabaseTimeouts;
  port: number;
  host: string;
  logger: Logger;
  accessKeys: KeySource;
  serviceKeys: KeySource;
  /** Tokens of standard routers /graphql accepts (ROUTER_TOKEN_SHA256); none when omitted. */
  routerTokens?: RouterTokenVerifier | undefined;
  /** Where answer keys come from: the quizzes service's internal channel. */
  answerKeys: AnswerKeySource;
  /** Signs this service's own credentials (outbox deliveries). */
  serviceSigner: ServiceCredentialSigner;
  /** Where this service's events go (QuizPlayed to quizzes); read at each delivery. */
  eventSubscribers: () => Subscriber[];
  /** How often the outbox relay looks for undelivered events (default 2 s). */
  outboxIntervalMs?: number;
  /** The outbox relay's pacing, retries and timeouts (OUTBOX_* in env.ts; defaults: DEFAULT_OUTBOX_RELAY_SETTINGS). */
  outboxRelay?: Partial<OutboxRelaySettings>;
  /** Readiness grace and drain timeout when closing (SHUTDOWN_* in env.ts). */
  shutdown?: Partial<ShutdownSettings>;
  /** The server's time for attempts (start, deadline, submission); tests pass their own. */
  clock?: Clock;
  /** How often attempts whose time ran out unattended are closed (default 30 s; 0: only as reads meet them). */
  expirySweepIntervalMs?: number;
}

export async function startResultsService(options: ResultsServiceOptions): Promise<RunningService> {
  const database = openServiceDatabase(
    options.databaseUrl,
    (adapter, defaults) => new PrismaClient({ adapter, ...defaults }),
    REQUEST_POOL_SIZE,
    options.databaseTimeouts,
  );
  const { db } = database;
  const clock = options.clock ?? systemClock;
  // A pinned version's key never changes: kept in memory, so reading and submitting attempts need
  // not ask quizzes each time.
  const answerKeys = cachingAnswerKeySource(options.answerKeys);
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
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
    service: 'results',
    subscribers: options.eventSubscribers,
    signer: options.serviceSigner,
    logger: options.logger,
    ...options.outboxRelay,
    ...(options.outboxIntervalMs ? { intervalMs: options.outboxIntervalMs } : {}),
  });
  // On the background pool too: an expired attempt never stays open, even when nobody reads it.
  const sweeper = startExpirySweeper({
    db: relayDatabase.db,
    clock,
    intervalMs: options.expirySweepIntervalMs ?? DEFAULT_EXPIRY_SWEEP_MS,
    logger: options.logger,
  });

  const metrics = createMetrics('results');
  addDatabasePoolMetrics(metrics, { requests: database.poolStats, background: relayDatabase.poolStats });
  addOutboxMetrics(metrics, relayDatabase.db);
  const server = await startSubgraphServer<Context>({
    metrics,
    name: 'results',
    schema,
    logger: options.logger,
    accessKeys: options.accessKeys,
    serviceKeys: options.serviceKeys,
    routerTokens: options.routerTokens,
    buildContext: (base) => ({
      ...base,
      db,
      // The request's time, on the same clock as attempts: which DAY, WEEK and MONTH periods boards show.
      loaders: createLoaders(db, base.viewer, clock()),
      attemptLoaders: createAttemptLoaders(db, answerKeys, clock),
      answerKeys,
      clock,
    }),
    checkReady: database.ping,
    routes: (app, requireCaller) => {
      // Where other services' outboxes deliver the events results consumes (EVENT_ROUTES).
      app.post('/internal/events', ...eventsRoute({ service: 'results', requireCaller, apply: (event) => applyEvent(db, event), logger: options.logger }));
    },
    port: options.port,
    host: options.host,
    ...(options.shutdown ? { shutdown: options.shutdown } : {}),
  });

  return {
    ...server,
    name: 'results',
    sqlStatements: database.statements,
    async close() {
      await server.close();
      await sweeper.stop();
      await outbox.stop();
      await relayDatabase.close();
      await database.close();
    },
  };
}
