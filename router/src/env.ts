import {
  keySettingsFromEnv,
  logLevelSchema,
  nodeEnvSchema,
  parseEnv,
  SHUTDOWN_ENV,
  TRACING_ENV,
  tracingSettingsFromEnv,
  shutdownSettingsFromEnv,
  type KeySettings,
  type ShutdownSettings,
  type TracingSettings,
} from '@quizgraph/service-kit';
import { SUBGRAPH_NAMES, variables } from '@quizgraph/topology';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_QUERY_LIMITS as LIMITS, type QueryLimits } from './limits.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The only reader of process.env in the router: parsed once, failing fast with a clear message. */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  ROUTER_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  SUPERGRAPH_PATH: z.string().default(join(ROOT, 'supergraph.graphql')),
  // <NAME>_SUBGRAPH_URL for each subgraph of the service list: where it really is (else the supergraph's routing URL).
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [variables.subgraphUrl(name), z.string().url().optional()])),
  /** Browser origins allowed to call the API, comma-separated; `*` for any. Default `*` in development, required in production. */
  CORS_ORIGINS: z.string().optional(),
  /** Safelist mode: the path of an Apollo persisted-query manifest; only its operations run. */
  PERSISTED_QUERIES_SAFELIST: z.string().min(1).optional(),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Retries of a subgraph query after a network error, a timeout or a 5xx (mutations: never). */
  SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /** Consecutive failed calls to a subgraph that open its circuit breaker. */
  SUBGRAPH_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1_000).default(5),
  /** How long an open circuit fails calls at once before one trial call. */
  SUBGRAPH_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Express `trust proxy`: `false` (default: the socket's address), a hop count, or a list of proxy addresses or subnets (trustProxyOf). */
  TRUST_PROXY: z.string().default('false'),
  /** Serve /metrics on this port only, not on ROUTER_PORT (which may be published). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LOG_LEVEL: logLevelSchema,
  /** Limits on each request's shape, refused before validation (router/src/limits.ts). */
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(LIMITS.maxTokens),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(2).max(1_000).default(LIMITS.maxDepth),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).max(100_000).default(LIMITS.maxAliases),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(100_000).default(LIMITS.maxDirectives),
  QUERY_MAX_REPEATED_FIELDS: z.coerce.number().int().min(0).max(100_000).default(LIMITS.maxRepeatedFields),
  QUERY_MAX_FIELDS: z.coerce.number().int().min(10).max(1_000_000).default(LIMITS.maxFields),
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(LIMITS.maxCost),
  QUERY_DEFAULT_LIST_SIZE: z.coerce.number().int().min(0).max(10_000).default(LIMITS.defaultListSize),
  ...SHUTDOWN_ENV,
  ...TRACING_ENV,
});

export interface RouterEnv {
  production: boolean;
  port: number;
  host: string;
  supergraphPath: string;
  subgraphUrls: Partial<Record<string, string>>;
  corsOrigins: string[] | '*';
  safelistPath: string | undefined;
  subgraphTimeoutMs: number;
  subgraphResilience: { retries: number; breakerFailureThreshold: number; breakerCoolDownMs: number };
  trustProxy: false | number | string;
  /** METRICS_PORT: /metrics on this port instead of the public one. */
  metricsPort: number | undefined;
  logLevel: string;
  shutdown: ShutdownSettings;
  /** OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, OTEL_TRACES_SAMPLER_ARG, OTEL_SERVICE_NAME. */
  tracing: TracingSettings;
  keys: KeySettings;
  queryLimits: QueryLimits;
}

/**
 * The browser origins allowed to call the API. In production they must be named (a deployment serves
 * its own web apps, and `*` there is a decision to write down, not a default); `*` still allows any.
 */
function corsOriginsOf(value: string | undefined, production: boolean): string[] | '*' {
  if (value === undefined) {
    if (production)
      throw new Error(
        'router: CORS_ORIGINS is required in production: the browser origins allowed to call the API, comma-separated (e.g. https://app.example.com), or * for any.',
      );
    return '*';
  }
  if (value.trim() === '*') return '*';
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(`router: CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port]).`);
    }
    if (url.origin !== origin) throw new Error(`router: CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path or trailing slash).`);
  }
  if (origins.length === 0) throw new Error('router: CORS_ORIGINS names no origin.');
  return origins;
}

/** The names Express's `trust proxy` gives to address ranges (proxy-addr). */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Express's `trust proxy` from TRUST_PROXY: `false`, a hop count, or proxies by address. Not `true`:
 * that trusts every hop, so the client address becomes the leftmost X-Forwarded-For entry, which the
 * client writes itself, and the per-address sign-in and sign-up limits would count whatever address an
 * attacker names. A typo in a list would otherwise surface only when the server starts.
 */
function trustProxyOf(value: string): false | number | string {
  const v = value.trim();
  if (v === 'false' || v === '') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true') {
    throw new Error(
      'router: TRUST_PROXY=true would take the client address from the leftmost X-Forwarded-For entry, which any client can write, ' +
        'so the per-address limits could be dodged. Give the number of proxies in front of the router (e.g. 1 behind one ingress) or their addresses or subnets (e.g. 10.0.0.0/8).',
    );
  }
  const entries = v.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.has(entry)) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new Error(
        `router: TRUST_PROXY: "${entry}" is not a proxy address: give false, a hop count, or comma-separated addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal.`,
      );
    }
  }
  return entries.join(',');
}

function metricsPortOf(metricsPort: number | undefined, routerPort: number): number | undefined {
  if (metricsPort !== undefined && metricsPort === routerPort) {
    throw new Error(
      `router: METRICS_PORT is ROUTER_PORT (${routerPort}): give the metrics a port of their own, or leave METRICS_PORT unset to serve /metrics on the public port.`,
    );
  }
  return metricsPort;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): RouterEnv {
  const e = parseEnv(schema, env, 'router');
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.ROUTER_PORT,
    host: e.HOST,
    supergraphPath: e.SUPERGRAPH_PATH,
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, (e as Record<string, unknown>)[variables.subgraphUrl(name)] as string | undefined])),
    corsOrigins: corsOriginsOf(e.CORS_ORIGINS, production),
    safelistPath: e.PERSISTED_QUERIES_SAFELIST,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    subgraphResilience: {
      retries: e.SUBGRAPH_RETRIES,
      breakerFailureThreshold: e.SUBGRAPH_BREAKER_FAILURES,
      breakerCoolDownMs: e.SUBGRAPH_BREAKER_COOLDOWN_MS,
    },
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    metricsPort: metricsPortOf(e.METRICS_PORT, e.ROUTER_PORT),
    logLevel: e.LOG_LEVEL,
    shutdown: shutdownSettingsFromEnv(e),
    tracing: tracingSettingsFromEnv(e, 'router'),
    keys: keySettingsFromEnv(env, production, join(ROOT, '.data', 'keys')),
    queryLimits: {
      maxTokens: e.QUERY_MAX_TOKENS,
      maxDepth: e.QUERY_MAX_DEPTH,
      maxAliases: e.QUERY_MAX_ALIASES,
      maxDirectives: e.QUERY_MAX_DIRECTIVES,
      maxRepeatedFields: e.QUERY_MAX_REPEATED_FIELDS,
      maxFields: e.QUERY_MAX_FIELDS,
      maxCost: e.QUERY_MAX_COST,
      defaultListSize: e.QUERY_DEFAULT_LIST_SIZE,
    },
  };
}
