import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { performance } from 'node:perf_hooks';
import { isClientErrorCode } from './errors.js';
import type { Logger } from './logger.js';

/**
 * Every GraphQL request leaves one access-log line (`request`: operation, status, duration, error
 * count) and each unexpected error one `error` line, both through the request's own logger, so both
 * carry its request id (the router's, passed on to every subgraph it calls).
 */
export function requestLogPlugin<TContext extends { logger: Logger }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      const { logger } = contextValue;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && isClientErrorCode(code)) continue;
            const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
            logger.error({ err: original, path: error.path }, 'unexpected error while resolving');
          }
        },
        async willSendResponse({ response, operationName, operation, errors }) {
          logger.info(
            {
              operationName: operationName ?? null,
              operationType: operation?.operation ?? null,
              status: response.http.status ?? 200,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              errors: errors?.length ?? 0,
            },
            'request',
          );
        },
      };
    },
  };
}
