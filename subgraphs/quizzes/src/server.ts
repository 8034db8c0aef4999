import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { openServiceDatabase, RELAY_POOL_SIZE, REQUEST_POOL_SIZE, type DatabaseTimeouts } from '@quizgraph/prisma/runtime';
import { addOutboxMetrics, eventsRoute, startOutboxRelay, type OutboxRelaySettings, type Subscriber } from '@quizgraph/events';
import { answerKeyTag } from '@quizgraph/assessment';
import {
  isUuid,
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
import { createLoaders } from './loaders.js';
import { internalCallersOf } from '@quizgraph/topology';
import { answerKey, NOT_MODIFIED } from './answerKeys.js';
import { applyEvent } from './events.js';
import { resolvers } from './resolvers/index.js';

export const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/** Callers allowed to read answer keys: the services the service list says call quizzes' internal channel (results, which scores). */
const ANSWER_KEY_READERS = internalCallersOf('quizzes');

export interface QuizzesServiceOptions {
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
  /** Signs this service's own credentials (outbox deliveries). */
  serviceSigner: ServiceCredentialSigner;
  /** Where this service's events go (QuizArchived to results); read at each delivery. */
  eventSubscribers: () => Subscriber[];
  /** How often the outbox relay looks for undelivered events (default 2 s). */
  outboxIntervalMs?: number;
  /** The outbox relay's pacing, retries and timeouts (OUTBOX_* in env.ts; defaults: DEFAULT_OUTBOX_RELAY_SETTINGS). */
  outboxRelay?: Partial<OutboxRelaySettings>;
  /** Readiness grace and drain timeout when closing (SHUTDOWN_* in env.ts). */
  shutdown?: Partial<ShutdownSettings>;
}

export async function startQuizzesService(options: QuizzesServiceOptions): Promise<RunningService> {
  const database = openServiceDatabase(
    options.databaseUrl,
    (adapter, defaults) => new PrismaClient({ adapter, ...defaults }),
    REQUEST_POOL_SIZE,
    options.databaseTimeouts,
  );
  const { db } = database;
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
    service: 'quizzes',
    subscribers: options.eventSubscribers,
    signer: options.serviceSigner,
    logger: options.logger,
    ...options.outboxRelay,
    ...(options.outboxIntervalMs ? { intervalMs: options.outboxIntervalMs } : {}),
  });

  const metrics = createMetrics('quizzes');
  addDatabasePoolMetrics(metrics, { requests: database.poolStats, background: relayDatabase.poolStats });
  addOutboxMetrics(metrics, relayDatabase.db);
  const server = await startSubgraphServer<Context>({
    metrics,
    name: 'quizzes',
    schema,
    logger: options.logger,
    accessKeys: options.accessKeys,
    serviceKeys: options.serviceKeys,
    routerTokens: options.routerTokens,
    buildContext: (base) => ({ ...base, db, loaders: createLoaders(db, base.viewer), outbox }),
    checkReady: database.ping,
    routes: (app, requireCaller) => {
      // Where other services' outboxes deliver the events quizzes consumes (QuizPlayed from results).
      app.post('/internal/events', ...eventsRoute({ service: 'quizzes', requireCaller, apply: (event) => applyEvent(db, event), logger: options.logger }));

      // The internal channel for scoring. Not GraphQL, so neither the API schema nor the router can reach
      // it; and only a caller holding a service credential naming it `results` gets an answer.
      app.get('/internal/quizzes/:id/answer-key', requireCaller(ANSWER_KEY_READERS), async (req, res) => {
        const id = String(req.params.id);
        const version = req.query.version === undefined ? undefined : Number(req.query.version);
        if (!isUuid(id) || (version !== undefined && !(Number.isInteger(version) && version > 0))) {
          res.status(400).json({ error: 'A quiz id (UUID) and an optional positive version are required.' });
          return;
        }
        try {
          const ifNoneMatch = req.get('if-none-match');
          const key = await answerKey(db, id, version, ifNoneMatch);
          if (key === NOT_MODIFIED) res.status(304).setHeader('etag', ifNoneMatch!).end();
          else if (!key) res.status(404).json({ error: `Quiz ${id} has no such version.` });
          else {
            const tag = version === undefined ? answerKeyTag(key) : null;
            if (tag) res.setHeader('etag', tag);
            res.json(key);
          }
        } catch (error) {
          options.logger.error({ err: error, quizId: id }, 'answer key lookup failed');
          res.status(500).json({ error: 'Internal server error.' });
        }
      });
    },
    port: options.port,
    host: options.host,
    ...(options.shutdown ? { shutdown: options.shutdown } : {}),
  });

  return {
    ...server,
    name: 'quizzes',
    sqlStatements: database.statements,
    async close() {
      await server.close();
      await outbox.stop();
      await relayDatabase.close();
      await database.close();
    },
  };
}
