import type { Logger } from './logger.js';

/** On SIGINT/SIGTERM: stop accepting requests, let in-flight ones finish, then exit. */
export function closeOnSignals(close: () => Promise<void>, logger: Logger): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down after in-flight requests');
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}
