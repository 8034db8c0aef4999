import { keySettingsFromEnv, logLevelSchema, nodeEnvSchema, parseEnv, type KeySettings } from '@quizgraph/service-kit';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The only reader of process.env in the router: parsed once, failing fast with a clear message. */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  ROUTER_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  SUPERGRAPH_PATH: z.string().default(join(ROOT, 'supergraph.graphql')),
  USERS_SUBGRAPH_URL: z.string().url().optional(),
  QUIZZES_SUBGRAPH_URL: z.string().url().optional(),
  RESULTS_SUBGRAPH_URL: z.string().url().optional(),
  CORS_ORIGINS: z.string().default('*'),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Express `trust proxy`: `false` (default: the socket's address), a hop count, or a list of proxy subnets. */
  TRUST_PROXY: z.string().default('false'),
  LOG_LEVEL: logLevelSchema,
});

export interface RouterEnv {
  production: boolean;
  port: number;
  host: string;
  supergraphPath: string;
  subgraphUrls: Partial<Record<string, string>>;
  corsOrigins: string[] | '*';
  subgraphTimeoutMs: number;
  trustProxy: boolean | number | string;
  logLevel: string;
  keys: KeySettings;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): RouterEnv {
  const e = parseEnv(schema, env, 'router');
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.ROUTER_PORT,
    host: e.HOST,
    supergraphPath: e.SUPERGRAPH_PATH,
    subgraphUrls: { users: e.USERS_SUBGRAPH_URL, quizzes: e.QUIZZES_SUBGRAPH_URL, results: e.RESULTS_SUBGRAPH_URL },
    corsOrigins: e.CORS_ORIGINS === '*' ? '*' : e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY === 'true' ? true : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    keys: keySettingsFromEnv(env, production, join(ROOT, '.data', 'keys')),
  };
}
