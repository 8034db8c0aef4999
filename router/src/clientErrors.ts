import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

/**
 * A document whose operation cannot be chosen (several operations and no `operationName`, or a name
 * that none has) is the client's mistake: 400 OPERATION_RESOLUTION_FAILURE with graphql-js's own
 * message. Apollo Server leaves it to execution, and with a gateway that becomes a 500.
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
          const message =
            request.operationName != null
              ? `Unknown operation named "${request.operationName}".`
              : operations.length === 0
                ? 'Must provide an operation.'
                : 'Must provide operation name if query contains multiple operations.';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}

/**
 * GraphQL over HTTP: a client that asks for `application/json` only (the legacy media type) gets its
 * request errors (parse, validation, variables, operation, limits) with status 200, as the spec
 * says; one that accepts `application/graphql-response+json`, or anything (no Accept, `*` / `*`),
 * gets the 4xx.
 */
export function legacyJsonStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const accept = request.http?.headers.get('accept') ?? '';
      const legacyJson = /application\/json/i.test(accept) && !/application\/graphql-response\+json/i.test(accept);
      if (!legacyJson) return;
      return {
        async willSendResponse({ response }) {
          if (response.http.status === 400 && response.body.kind === 'single' && !('data' in response.body.singleResult)) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
