import { z } from 'zod';
import { DEFAULT_OUTBOX_RELAY_SETTINGS, type OutboxRelaySettings } from './outboxRelay.js';

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const d = DEFAULT_OUTBOX_RELAY_SETTINGS;

/**
 * The relay's environment variables, the same in every publishing service: spread into the service's
 * env.ts schema (`...OUTBOX_RELAY_ENV`) and read with outboxRelaySettingsFromEnv.
 */
export const OUTBOX_RELAY_ENV = {
  OUTBOX_INTERVAL_MS: positive(d.intervalMs),
  OUTBOX_DELIVERY_TIMEOUT_MS: positive(d.deliveryTimeoutMs),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(d.batchSize),
  OUTBOX_MAX_ATTEMPTS: positive(d.maxAttempts),
  OUTBOX_RETRY_BASE_MS: positive(d.retryBaseMs),
  OUTBOX_RETRY_MAX_MS: positive(d.retryMaxMs),
  OUTBOX_LEASE_MS: positive(d.leaseMs),
};

type ParsedRelayEnv = { [K in keyof typeof OUTBOX_RELAY_ENV]: number };

export function outboxRelaySettingsFromEnv(e: ParsedRelayEnv): OutboxRelaySettings {
  return {
    intervalMs: e.OUTBOX_INTERVAL_MS,
    deliveryTimeoutMs: e.OUTBOX_DELIVERY_TIMEOUT_MS,
    batchSize: e.OUTBOX_BATCH_SIZE,
    maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    retryBaseMs: e.OUTBOX_RETRY_BASE_MS,
    retryMaxMs: e.OUTBOX_RETRY_MAX_MS,
    leaseMs: e.OUTBOX_LEASE_MS,
  };
}
