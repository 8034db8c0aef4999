import { DATA_DIR } from '@quizgraph/prisma';
import { logLevelSchema, parseEnv, SHUTDOWN_ENV, shutdownSettingsFromEnv, type ShutdownSettings } from '@quizgraph/service-kit';
import { defaultPort, PROCESS_NAMES, SUBGRAPH_NAMES, variables, type ProcessName, type SubgraphName } from '@quizgraph/topology';
import { join } from 'node:path';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** The only reader of process.env for `pnpm start`. */
const schema = z.object({
  // <NAME>_PORT of every process, <NAME>_DATABASE_URL of every subgraph: from the service list.
  ...Object.fromEntries(PROCESS_NAMES.map((name) => [variables.port(name), port(defaultPort(name))])),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [variables.databaseUrl(name), z.string().url().optional()])),
  HOST: z.string().default('127.0.0.1'),
  /** A Postgres server on which to create (and migrate) every service's database. */
  DATABASE_SERVER_URL: z.string().url().optional(),
  EMBEDDED_POSTGRES_PORT: port(54320),
  QUIZGRAPH_DATA_DIR: z.string().default(DATA_DIR),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: logLevelSchema,
  ...SHUTDOWN_ENV,
});

export type DatabaseSource =
  | { kind: 'urls'; urls: Record<SubgraphName, string> }
  | { kind: 'server'; serverUrl: string }
  | { kind: 'embedded'; dir: string; port: number };

export interface StartEnv {
  ports: Record<ProcessName, number>;
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
  const e = parseEnv(schema, env, 'stack') as z.infer<typeof schema> & Record<string, unknown>;
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, e[variables.databaseUrl(name)] as string | undefined]));
  const given = Object.values(urls).filter(Boolean).length;
  if (given !== 0 && given !== SUBGRAPH_NAMES.length) {
    throw new Error(`Set all of ${SUBGRAPH_NAMES.map((name) => variables.databaseUrl(name)).join(', ')}, or none.`);
  }
  const database: DatabaseSource =
    given === SUBGRAPH_NAMES.length
      ? { kind: 'urls', urls: urls as Record<SubgraphName, string> }
      : e.DATABASE_SERVER_URL
        ? { kind: 'server', serverUrl: e.DATABASE_SERVER_URL }
        : { kind: 'embedded', dir: join(e.QUIZGRAPH_DATA_DIR, 'postgres'), port: e.EMBEDDED_POSTGRES_PORT };
  return {
    ports: Object.fromEntries(PROCESS_NAMES.map((name) => [name, e[variables.port(name)] as number])) as Record<ProcessName, number>,
    host: e.HOST,
    database,
    dataDir: e.QUIZGRAPH_DATA_DIR,
    keysDir: join(e.QUIZGRAPH_DATA_DIR, 'keys'),
    seed: e.SEED_DEMO_DATA === 'true',
    logLevel: e.LOG_LEVEL,
    shutdown: shutdownSettingsFromEnv(e),
  };
}
