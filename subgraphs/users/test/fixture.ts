import { silentLogger, type TestKeys } from '@quizgraph/service-kit/testing';
import { inject } from 'vitest';
import type { UsersServiceOptions } from '../src/server.js';

/** The users service as the integration tests run it: the test database, a free port, the test keys, no event consumer. */
export function testUsersOptions(keys: TestKeys, overrides: Partial<UsersServiceOptions> = {}): UsersServiceOptions {
  return {
    databaseUrl: inject('databaseUrls').users,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    accessTokenKeys: keys.accessTokenKeys,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 86_400,
    serviceKeys: keys.serviceKeys,
    serviceSigner: keys.signer('users'),
    eventSubscribers: () => [],
    ...overrides,
  };
}
