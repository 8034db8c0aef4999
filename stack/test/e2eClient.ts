import type { AnyJson } from '@quizgraph/service-kit';
import { REPO_ROOT } from '@quizgraph/prisma';
import { startRouter, type RouterOptions, type RunningRouter } from '@quizgraph/router';
import { composeSupergraph } from '@quizgraph/router/composition';
import { createLogger, devServiceCredentialSigner, graphqlRequest, jwksKeySource, type GraphQLResponse, type RequestOptions } from '@quizgraph/service-kit';
import { setRoleByEmail } from '@quizgraph/users/admin';
import { ACCESS_TOKEN_ISSUER, SUBGRAPH_NAMES } from '@quizgraph/topology';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, inject } from 'vitest';
import type { RunningStack } from '../src/stack.js';

/** A signed-in account of an end-to-end test. */
export interface Account {
  id: string;
  token: string;
  name: string;
}

/**
 * A client of the router at `url()` (read at each call: the stack starts in beforeAll), as end-to-end
 * tests use it: `api` answers the raw response, `ok` the data of one that must have no error, and
 * `account` registers and signs in a fresh account, given a role straight in the users database.
 */
export function routerClient(url: () => string) {
  const api = <T = AnyJson>(query: string, options?: RequestOptions): Promise<GraphQLResponse<T>> => graphqlRequest<T>(url(), query, options);

  async function ok<T = AnyJson>(query: string, options?: RequestOptions): Promise<T> {
    const response = await api<T>(query, options);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function account(name: string, role?: 'AUTHOR' | 'ADMIN'): Promise<Account> {
    const email = `e2e-${randomUUID()}@test.quizgraph.dev`;
    const password = 'a long enough passphrase';
    await ok(`mutation ($e: String!, $p: String!, $n: String!) { register(email: $e, password: $p, displayName: $n) { user { id } } }`, {
      variables: { e: email, p: password, n: name },
    });
    // Roles live with the accounts, in the access-token issuer's database; given as an operator would.
    if (role) await setRoleByEmail(inject('databaseUrls')[ACCESS_TOKEN_ISSUER], email, role);
    const { login } = await ok(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }`, {
      variables: { e: email, p: password },
    });
    return { id: login.user.id, token: login.accessToken, name };
  }

  return { api, ok, account };
}

/**
 * A second router over a running stack's subgraphs (development mode unless `options` says otherwise),
 * with the stack's development router key, so that the real subgraphs accept it. The caller closes it.
 */
export async function routerInFrontOf(stack: RunningStack, keysDir: string, options: Partial<RouterOptions> = {}): Promise<RunningRouter> {
  return startRouter({
    supergraphSdl: await composeSupergraph(join(REPO_ROOT, 'supergraph.yaml')),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.services[name].url])),
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'silent' }),
    accessKeys: jwksKeySource(`${stack.services[ACCESS_TOKEN_ISSUER].origin}/.well-known/jwks.json`),
    serviceSigner: await devServiceCredentialSigner(keysDir, 'router'),
    production: false,
    corsOrigins: '*',
    subgraphTimeoutMs: 10_000,
    trustProxy: false,
    ...options,
  });
}
