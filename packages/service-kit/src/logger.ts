import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export interface LoggerOptions {
  /** Omitted for a process that hosts several services, whose child loggers name their own. */
  service?: string;
  level?: string;
  /** Human-readable lines for a terminal; JSON otherwise (production, CI, log shippers). */
  pretty?: boolean;
}

export function createLogger({ service, level = 'info', pretty = false }: LoggerOptions): Logger {
  return pino({
    level,
    base: service ? { service } : {},
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } } : {}),
  });
}
