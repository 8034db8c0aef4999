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
import { eventRecipientsFromEnv, OUTBOX_RELAY_ENV, outboxRelaySettingsFromEnv, type EventRecipient, type OutboxRelaySettings } from '@quizgraph/events';
import { join } from 'node:path';
import { z } from 'zod';

/** The only reader of process.env in the quizzes service: parsed once, failing fast with a clear message. */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  QUIZZES_PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  HOST: z.string().default('0.0.0.0'),
  QUIZZES_DATABASE_URL: z.string().url(),
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
  /** Where QuizArchived goes: `<CONSUMER>_EVENTS_URL` of each consumer in the service list. */
  eventRecipients: EventRecipient[];
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
    eventRecipients: eventRecipientsFromEnv('quizzes', env),
    logLevel: e.LOG_LEVEL,
    outboxRelay: outboxRelaySettingsFromEnv(e),
    shutdown: shutdownSettingsFromEnv(e),
    tracing: tracingSettingsFromEnv(e, 'quizzes'),
    keys: keySettingsFromEnv(env, production, join(DATA_DIR, 'keys')),
  };
}
