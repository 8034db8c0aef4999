import { DATA_DIR } from '@quizgraph/prisma';
import { logLevelSchema, parseEnv, SHUTDOWN_ENV, shutdownSettingsFromEnv, type ShutdownSettings } from '@quizgraph/service-kit';
import { join } from 'node:path';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** The only reader of process.env for `pnpm start`. */
const schema = z.object({
  ROUTER_PORT: port(4000),
  USERS_PORT: port(4001),
  QUIZZES_PORT: port(4002),
  RESULTS_PORT: port(4003),
  HOST: z.string().default('127.0.0.1'),
  USERS_DATABASE_URL: z.string().url().optional(),
  QUIZZES_DATABASE_URL: z.string().url().optional(),
  RESULTS_DATABASE_URL: z.string().url().optional(),
  /** A Postgres server on which to create (and migrate) the three service databases. */
  DATABASE_SERVER_URL: z.string().url().optional(),
  EMBEDDED_POSTGRES_PORT: port(54320),
  QUIZGRAPH_DATA_DIR: z.string().default(DATA_DIR),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: logLevelSchema,
  ...SHUTDOWN_ENV,
});

export type DatabaseSource =
  | { kind: 'urls'; urls: { users: string; quizzes: string; results: string } }
  | { kind: 'server'; serverUrl: string }
  | { kind: 'embedded'; dir: string; port: number };

export interface StartEnv {
  ports: { router: number; users: number; quizzes: number; results: number };
  host: string;
  database: DatabaseSource;
  /** Embedded Postgres data, development keys, the composed supergraph. */
  dataDir: string;
  keysDir: string;
  seed: boolean;
  logLevel: string;
  shutdown: ShutdownSettings;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): StartEnv {
  const e = parseEnv(schema, env, 'stack');
  const given = [e.USERS_DATABASE_URL, e.QUIZZES_DATABASE_URL, e.RESULTS_DATABASE_URL].filter(Boolean).length;
  if (given !== 0 && given !== 3) {
    throw new Error('Set all three of USERS_DATABASE_URL, QUIZZES_DATABASE_URL and RESULTS_DATABASE_URL, or none.');
  }
  const database: DatabaseSource =
    given === 3
      ? { kind: 'urls', urls: { users: e.USERS_DATABASE_URL!, quizzes: e.QUIZZES_DATABASE_URL!, results: e.RESULTS_DATABASE_URL! } }
      : e.DATABASE_SERVER_URL
        ? { kind: 'server', serverUrl: e.DATABASE_SERVER_URL }
        : { kind: 'embedded', dir: join(e.QUIZGRAPH_DATA_DIR, 'postgres'), port: e.EMBEDDED_POSTGRES_PORT };
  return {
    ports: { router: e.ROUTER_PORT, users: e.USERS_PORT, quizzes: e.QUIZZES_PORT, results: e.RESULTS_PORT },
    host: e.HOST,
    database,
    dataDir: e.QUIZGRAPH_DATA_DIR,
    keysDir: join(e.QUIZGRAPH_DATA_DIR, 'keys'),
    seed: e.SEED_DEMO_DATA === 'true',
    logLevel: e.LOG_LEVEL,
    shutdown: shutdownSettingsFromEnv(e),
  };
}
