import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { openServiceDatabase } from '@quizgraph/prisma';
import { startSubgraphServer, type KeySource, type Logger, type RunningService } from '@quizgraph/service-kit';
import express from 'express';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { PrismaClient } from './__generated__/prisma/client.js';
import type { Context } from './context.js';
import { applyEvent, parseEvent } from './events.js';
import { createLoaders } from './loaders.js';
import type { AnswerKeySource } from './quizKeys.js';
import { resolvers } from './resolvers/index.js';

export const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface ResultsServiceOptions {
  databaseUrl: string;
  port: number;
  host: string;
  logger: Logger;
  accessKeys: KeySource;
  serviceKeys: KeySource;
  /** Where answer keys come from: the quizzes service's internal channel. */
  answerKeys: AnswerKeySource;
}

export async function startResultsService(options: ResultsServiceOptions): Promise<RunningService> {
  const database = openServiceDatabase(options.databaseUrl, (adapter) => new PrismaClient({ adapter }));
  const { db } = database;
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });

  const server = await startSubgraphServer<Context>({
    name: 'results',
    schema,
    logger: options.logger,
    accessKeys: options.accessKeys,
    serviceKeys: options.serviceKeys,
    buildContext: (base) => ({ ...base, db, loaders: createLoaders(db, base.viewer), answerKeys: options.answerKeys }),
    checkReady: database.ping,
    routes: (app, requireCaller) => {
      // Where other services' outboxes deliver events; only the users service publishes any today.
      app.post('/internal/events', requireCaller(['users']), express.json({ limit: '64kb' }), async (req, res) => {
        const event = parseEvent(req.body);
        if (!event) {
          res.status(400).json({ error: 'Not an event results understands.' });
          return;
        }
        try {
          const outcome = await applyEvent(db, event);
          options.logger.info({ eventId: event.id, type: event.type, outcome }, 'event received');
          res.status(204).end();
        } catch (error) {
          options.logger.error({ err: error, eventId: event.id }, 'event could not be applied');
          res.status(500).json({ error: 'Internal server error.' });
        }
      });
    },
    port: options.port,
    host: options.host,
  });

  return {
    ...server,
    name: 'results',
    sqlStatements: database.statements,
    async close() {
      await server.close();
      await database.close();
    },
  };
}
