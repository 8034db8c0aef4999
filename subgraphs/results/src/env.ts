import { DATA_DIR } from '@quizgraph/prisma';
import { keySettingsFromEnv, logLevelSchema, nodeEnvSchema, parseEnv, type KeySettings } from '@quizgraph/service-kit';
import { join } from 'node:path';
import { z } from 'zod';

/** The only reader of process.env in the results service: parsed once, failing fast with a clear message. */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  RESULTS_PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  HOST: z.string().default('0.0.0.0'),
  RESULTS_DATABASE_URL: z.string().url(),
  /** Where the quizzes service answers internal calls (answer keys); not the public router. */
  QUIZZES_INTERNAL_URL: z.string().url().default('http://localhost:4002'),
  LOG_LEVEL: logLevelSchema,
});

export interface ResultsEnv {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  quizzesInternalUrl: string;
  logLevel: string;
  keys: KeySettings;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): ResultsEnv {
  const e = parseEnv(schema, env, 'results service');
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.RESULTS_PORT,
    host: e.HOST,
    databaseUrl: e.RESULTS_DATABASE_URL,
    quizzesInternalUrl: e.QUIZZES_INTERNAL_URL,
    logLevel: e.LOG_LEVEL,
    keys: keySettingsFromEnv(env, production, join(DATA_DIR, 'keys')),
  };
}
