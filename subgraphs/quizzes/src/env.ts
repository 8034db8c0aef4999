import { DATA_DIR } from '@quizgraph/prisma';
import { keySettingsFromEnv, logLevelSchema, nodeEnvSchema, parseEnv, type KeySettings } from '@quizgraph/service-kit';
import { join } from 'node:path';
import { z } from 'zod';

/** The only reader of process.env in the quizzes service: parsed once, failing fast with a clear message. */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  QUIZZES_PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  HOST: z.string().default('0.0.0.0'),
  QUIZZES_DATABASE_URL: z.string().url(),
  /** Where QuizArchived events go: the results service's internal events endpoint. */
  RESULTS_EVENTS_URL: z.string().url().default('http://localhost:4003/internal/events'),
  LOG_LEVEL: logLevelSchema,
});

export interface QuizzesEnv {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  resultsEventsUrl: string;
  logLevel: string;
  keys: KeySettings;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): QuizzesEnv {
  const e = parseEnv(schema, env, 'quizzes service');
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.QUIZZES_PORT,
    host: e.HOST,
    databaseUrl: e.QUIZZES_DATABASE_URL,
    resultsEventsUrl: e.RESULTS_EVENTS_URL,
    logLevel: e.LOG_LEVEL,
    keys: keySettingsFromEnv(env, production, join(DATA_DIR, 'keys')),
  };
}
