import { DATA_DIR, databaseTimeoutsFromEnv, type DatabaseTimeouts } from '@quizgraph/prisma/runtime';
import {
  keySettingsFromEnv,
  logLevelSchema,
  nodeEnvSchema,
  parseEnv,
  SHUTDOWN_ENV,
  TRACING_ENV,
  tracingSettingsFromEnv,
  withFileVariables,
  shutdownSettingsFromEnv,
  type KeySettings,
  type ShutdownSettings,
  type TracingSettings,
} from '@quizgraph/service-kit';
import { OUTBOX_RELAY_ENV, outboxRelaySettingsFromEnv, type OutboxRelaySettings } from '@quizgraph/events';
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
  ...OUTBOX_RELAY_ENV,
  ...SHUTDOWN_ENV,
  ...TRACING_ENV,
});

export interface QuizzesEnv {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  /** DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_TRANSACTION_TIMEOUT_MS, DATABASE_TRANSACTION_MAX_WAIT_MS. */
  databaseTimeouts: DatabaseTimeouts;
  resultsEventsUrl: string;
  logLevel: string;
  outboxRelay: OutboxRelaySettings;
  shutdown: ShutdownSettings;
  /** OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, OTEL_TRACES_SAMPLER_ARG, OTEL_SERVICE_NAME. */
  tracing: TracingSettings;
  keys: KeySettings;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): QuizzesEnv {
  // The database URL holds a password: inline, or from the file QUIZZES_DATABASE_URL_FILE names (Compose secrets).
  const e = parseEnv(schema, withFileVariables(env, ['QUIZZES_DATABASE_URL']), 'quizzes service');
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.QUIZZES_PORT,
    host: e.HOST,
    databaseUrl: e.QUIZZES_DATABASE_URL,
    databaseTimeouts: databaseTimeoutsFromEnv(env),
    resultsEventsUrl: e.RESULTS_EVENTS_URL,
    logLevel: e.LOG_LEVEL,
    outboxRelay: outboxRelaySettingsFromEnv(e),
    shutdown: shutdownSettingsFromEnv(e),
    tracing: tracingSettingsFromEnv(e, 'quizzes'),
    keys: keySettingsFromEnv(env, production, join(DATA_DIR, 'keys')),
  };
}
