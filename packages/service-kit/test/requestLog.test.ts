import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { createErrorFormatter, requestLogPlugin, UnauthenticatedError, type Logger } from '../src/index.js';
import { memoryLogger } from '../src/testing.js';

const server = new ApolloServer<{ logger: Logger }>({
  typeDefs: 'type Query { ok: Boolean, broken: Boolean, refused: Boolean }',
  resolvers: {
    Query: {
      ok: () => true,
      broken: () => {
        throw new Error('connection to the database was lost');
      },
      refused: () => {
        throw new UnauthenticatedError();
      },
    },
  },
  formatError: createErrorFormatter(),
  plugins: [requestLogPlugin()],
});

describe('request logging', () => {
  it('writes one access line per request and one error line per unexpected error, each with the request id', async () => {
    const { logger, lines } = memoryLogger();
    const contextValue = { logger: logger.child({ requestId: 'req-1' }) };
    const response = await server.executeOperation({ query: 'query Mixed { ok broken refused }' }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('single result expected');
    // Masked for the client, in full for the operator.
    expect(response.body.singleResult.errors?.map((e) => e.extensions?.code).sort()).toEqual(['INTERNAL_SERVER_ERROR', 'UNAUTHENTICATED']);
    const errors = lines.filter((l) => l.msg === 'unexpected error while resolving');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId: 'req-1', level: 50, path: ['broken'], err: { message: 'connection to the database was lost' } });
    const access = lines.filter((l) => l.msg === 'request');
    expect(access).toEqual([
      expect.objectContaining({ requestId: 'req-1', operationName: 'Mixed', operationType: 'query', errors: 2, durationMs: expect.any(Number) }),
    ]);
  });

  it('logs a client’s mistake as an access line only', async () => {
    const { logger, lines } = memoryLogger();
    await server.executeOperation({ query: '{ nope }' }, { contextValue: { logger: logger.child({ requestId: 'req-2' }) } });
    expect(lines.map((l) => l.msg)).toEqual(['request']);
    expect(lines[0]).toMatchObject({ requestId: 'req-2', operationName: null, errors: 1 });
  });
});
