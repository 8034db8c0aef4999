import { z } from 'zod';
import type { Logger } from './logger.js';

/** How a server stops (see listen in httpServer.ts). */
export interface ShutdownSettings {
  /**
   * How long `/ready` answers 503 while requests are still served, before the server stops taking
   * connections: the time a load balancer needs to notice and send traffic elsewhere (0 in development).
   */
  readinessGraceMs: number;
  /** How long in-flight requests may take to finish; their connections are closed after it. */
  drainTimeoutMs: number;
}

export const DEFAULT_SHUTDOWN_SETTINGS: ShutdownSettings = { readinessGraceMs: 0, drainTimeoutMs: 10_000 };

/** Every process's shutdown variables: spread into its env.ts schema, read with shutdownSettingsFromEnv. */
export const SHUTDOWN_ENV = {
  SHUTDOWN_READINESS_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_SHUTDOWN_SETTINGS.readinessGraceMs),
  SHUTDOWN_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_SHUTDOWN_SETTINGS.drainTimeoutMs),
};

export function shutdownSettingsFromEnv(e: { SHUTDOWN_READINESS_GRACE_MS: number; SHUTDOWN_DRAIN_TIMEOUT_MS: number }): ShutdownSettings {
  return { readinessGraceMs: e.SHUTDOWN_READINESS_GRACE_MS, drainTimeoutMs: e.SHUTDOWN_DRAIN_TIMEOUT_MS };
}

/**
 * On SIGINT or SIGTERM, once: `close` (readiness fails, in-flight requests finish, connections close,
 * then the database), then exit 0. A repeated signal (Ctrl-C reaches a process both from the terminal
 * and from pnpm, which forwards it) changes nothing.
 */
export function closeOnSignals(close: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down after in-flight requests');
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
