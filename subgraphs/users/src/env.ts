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
import { PASSWORD_HASHING_ISOLATION, type PasswordHashingIsolation } from './hashingProtocol.js';
import { DATA_DIR, databaseTimeoutsFromEnv, type DatabaseTimeouts } from '@quizgraph/prisma/runtime';

/** The only reader of process.env in the users service: parsed once, failing fast with a clear message. */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  USERS_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  HOST: z.string().default('0.0.0.0'),
  USERS_DATABASE_URL: z.string().url(),
  LOG_LEVEL: logLevelSchema,
  ...OUTBOX_RELAY_ENV,
  ...SHUTDOWN_ENV,
  ...TRACING_ENV,
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** argon2 computations at once (default: half the cores, at least one). */
  PASSWORD_HASHING_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Where argon2 runs: `process`, a helper process at the lowest CPU priority; `off`, the service's own process. */
  PASSWORD_HASHING_ISOLATION: z.enum(PASSWORD_HASHING_ISOLATION).default('process'),
});

export interface UsersEnv {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  /** DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_TRANSACTION_TIMEOUT_MS, DATABASE_TRANSACTION_MAX_WAIT_MS. */
  databaseTimeouts: DatabaseTimeouts;
  logLevel: string;
  outboxRelay: OutboxRelaySettings;
  shutdown: ShutdownSettings;
  /** OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, OTEL_TRACES_SAMPLER_ARG, OTEL_SERVICE_NAME. */
  tracing: TracingSettings;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Where UserDeleted goes: `<CONSUMER>_EVENTS_URL` of each consumer in the service list. */
  eventRecipients: EventRecipient[];
  passwordHashingConcurrency: number | undefined;
  passwordHashingIsolation: PasswordHashingIsolation;
  keys: KeySettings;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): UsersEnv {
  // The database URL holds a password: inline, or from the file USERS_DATABASE_URL_FILE names (Compose secrets).
  const e = parseEnv(schema, withFileVariables(env, ['USERS_DATABASE_URL']), 'users service');
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.USERS_PORT,
    host: e.HOST,
    databaseUrl: e.USERS_DATABASE_URL,
    databaseTimeouts: databaseTimeoutsFromEnv(env),
    logLevel: e.LOG_LEVEL,
    outboxRelay: outboxRelaySettingsFromEnv(e),
    shutdown: shutdownSettingsFromEnv(e),
    tracing: tracingSettingsFromEnv(e, 'users'),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_DAYS * 86_400,
    eventRecipients: eventRecipientsFromEnv('users', env),
    passwordHashingConcurrency: e.PASSWORD_HASHING_CONCURRENCY,
    passwordHashingIsolation: e.PASSWORD_HASHING_ISOLATION,
    keys: keySettingsFromEnv(env, production, join(DATA_DIR, 'keys')),
  };
}
