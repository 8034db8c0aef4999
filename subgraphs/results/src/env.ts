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
import { DEFAULT_EXPIRY_SWEEP_MS } from './expiry.js';

/** The only reader of process.env in the results service: parsed once, failing fast with a clear message. */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  RESULTS_PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  HOST: z.string().default('0.0.0.0'),
  RESULTS_DATABASE_URL: z.string().url(),
  /** Where the quizzes service answers internal calls (answer keys); not the public router. */
  QUIZZES_INTERNAL_URL: z.string().url().default('http://localhost:4002'),
  LOG_LEVEL: logLevelSchema,
  ...OUTBOX_RELAY_ENV,
  ...SHUTDOWN_ENV,
  ...TRACING_ENV,
  /** How often attempts whose time ran out unattended are closed, in ms (0: only as reads meet them). */
  RESULTS_EXPIRY_SWEEP_MS: z.coerce.number().int().min(0).default(DEFAULT_EXPIRY_SWEEP_MS),
});

export interface ResultsEnv {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  /** DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_TRANSACTION_TIMEOUT_MS, DATABASE_TRANSACTION_MAX_WAIT_MS. */
  databaseTimeouts: DatabaseTimeouts;
  quizzesInternalUrl: string;
  /** Where QuizPlayed goes: `<CONSUMER>_EVENTS_URL` of each consumer in the service list (default: beside QUIZZES_INTERNAL_URL). */
  eventRecipients: EventRecipient[];
  logLevel: string;
  outboxRelay: OutboxRelaySettings;
  shutdown: ShutdownSettings;
  /** OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, OTEL_TRACES_SAMPLER_ARG, OTEL_SERVICE_NAME. */
  tracing: TracingSettings;
  expirySweepIntervalMs: number;
  keys: KeySettings;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): ResultsEnv {
  // The database URL holds a password: inline, or from the file RESULTS_DATABASE_URL_FILE names (Compose secrets).
  const e = parseEnv(schema, withFileVariables(env, ['RESULTS_DATABASE_URL']), 'results service');
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.RESULTS_PORT,
    host: e.HOST,
    databaseUrl: e.RESULTS_DATABASE_URL,
    databaseTimeouts: databaseTimeoutsFromEnv(env),
    quizzesInternalUrl: e.QUIZZES_INTERNAL_URL,
    eventRecipients: eventRecipientsFromEnv('results', env),
    logLevel: e.LOG_LEVEL,
    outboxRelay: outboxRelaySettingsFromEnv(e),
    shutdown: shutdownSettingsFromEnv(e),
    tracing: tracingSettingsFromEnv(e, 'results'),
    expirySweepIntervalMs: e.RESULTS_EXPIRY_SWEEP_MS,
    keys: keySettingsFromEnv(env, production, join(DATA_DIR, 'keys')),
  };
}
