import { REPO_ROOT } from '@quizgraph/prisma';
import { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER, ROUTER_TOKEN_HEADER } from '@quizgraph/service-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { DEFAULT_QUERY_LIMITS } from '../../router/src/limits.js';

/**
 * routers/apollo-router/router.yaml, as far as it can be checked without Apollo Router (which cannot
 * be downloaded here): it parses; after Apollo Router's `${env.NAME:-default}` expansion every key it
 * uses is one Apollo Router 2.x documents, with the documented shape (transcribed, strictly, from the
 * configuration JSON schema of Apollo Router 2.13.1: unknown keys fail, as they fail the router's own
 * start-up check); and it agrees with the project: the subgraphs of the committed supergraph, the header
 * names the subgraphs read, the project router's limits.
 */
const text = readFileSync(join(REPO_ROOT, 'routers/apollo-router/router.yaml'), 'utf8');

/** Apollo Router's expansion of `${env.NAME}` and `${env.NAME:-default}` (an unset variable without default fails its start). */
function expand(source: string, env: Record<string, string>): string {
  return source.replace(/\$\{env\.([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_, name: string, fallback: string | undefined) => {
    const value = env[name] ?? fallback;
    if (value === undefined) throw new Error(`Apollo Router would not start: ${name} is not set.`);
    return value;
  });
}

const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const headerRule = z.union([
  strict({ propagate: strict({ named: z.string(), rename: z.string().optional(), default: z.string().optional() }) }),
  strict({ insert: strict({ name: z.string(), value: z.string() }) }),
  strict({ remove: strict({ named: z.string() }) }),
]);
const duration = z.string().regex(/^\d+(ms|s|m|h)$/);
const socket = z.string().regex(/^[^:]+:\d+$/);
const routerYaml = strict({
  supergraph: strict({ listen: socket, path: z.string().startsWith('/'), introspection: z.boolean() }),
  homepage: strict({ enabled: z.boolean() }),
  sandbox: strict({ enabled: z.boolean() }),
  override_subgraph_url: z.record(z.string(), z.string().url()),
  headers: strict({ all: strict({ request: z.array(headerRule) }) }),
  cors: strict({
    allow_any_origin: z.boolean(),
    allow_credentials: z.boolean(),
    policies: z.array(strict({ origins: z.array(z.string().url()) })),
  }),
  limits: strict({
    parser_max_tokens: z.number().int().positive(),
    max_depth: z.number().int().positive(),
    max_aliases: z.number().int().positive(),
    max_root_fields: z.number().int().positive(),
    http_max_request_bytes: z.number().int().positive(),
  }),
  include_subgraph_errors: strict({ all: z.boolean() }),
  traffic_shaping: strict({ all: strict({ timeout: duration, deduplicate_query: z.boolean() }) }),
  health_check: strict({ listen: socket, enabled: z.boolean() }),
});

const token = 'a'.repeat(64);
const config = routerYaml.parse(parse(expand(text, { ROUTER_TOKEN: token, USERS_SUBGRAPH_URL: 'http://users:4001/graphql' })));

describe('routers/apollo-router/router.yaml', () => {
  it('uses only keys Apollo Router 2.x documents, in their documented shape', () => {
    expect(config.supergraph).toEqual({ listen: '0.0.0.0:4000', path: '/graphql', introspection: false });
  });

  it('does not start without ROUTER_TOKEN (no silent 401s from every subgraph)', () => {
    expect(() => expand(text, {})).toThrow('ROUTER_TOKEN is not set');
  });

  it('overrides the URL of every subgraph of the committed supergraph, by the variables the project router reads', () => {
    const supergraph = readFileSync(join(REPO_ROOT, 'supergraph.graphql'), 'utf8');
    const names = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]!);
    expect(Object.keys(config.override_subgraph_url).sort()).toEqual(names.sort());
    expect(config.override_subgraph_url.users).toBe('http://users:4001/graphql');
    for (const name of names) expect(text).toContain(`\${env.${name.toUpperCase()}_SUBGRAPH_URL:-`);
  });

  it('sends the router token under the header the subgraphs read, and forwards only authorization, the request id and the client address the proxy wrote', () => {
    expect(config.headers.all.request).toEqual([
      { propagate: { named: 'authorization' } },
      { propagate: { named: REQUEST_ID_HEADER } },
      { propagate: { named: 'x-real-ip', rename: CLIENT_ADDRESS_HEADER } },
      { insert: { name: ROUTER_TOKEN_HEADER, value: token } },
    ]);
  });

  it('has the project router’s limits where Apollo Router has an equivalent', () => {
    expect(config.limits).toMatchObject({
      parser_max_tokens: DEFAULT_QUERY_LIMITS.maxTokens,
      max_depth: DEFAULT_QUERY_LIMITS.maxDepth,
      max_aliases: DEFAULT_QUERY_LIMITS.maxAliases,
      http_max_request_bytes: 100_000,
    });
    expect(config.cors.allow_any_origin).toBe(false);
    expect(config.include_subgraph_errors.all).toBe(false);
  });
});
