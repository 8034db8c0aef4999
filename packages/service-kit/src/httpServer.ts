import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { installHttpErrorHandlers } from './httpErrors.js';
import type { Logger } from './logger.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:4001 */
  origin: string;
  port: number;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

/**
 * Starts serving `app`, after the JSON handlers for unknown paths and HTTP-level errors
 * (httpErrors.ts): register every route before calling this.
 */
export async function listen(app: Express, port: number, host: string, logger?: Logger): Promise<{ server: Server } & RunningServer> {
  installHttpErrorHandlers(app, logger);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
    s.once('error', reject);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host) ? 'localhost' : host;
  return {
    server,
    port: actualPort,
    origin: `http://${shownHost}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
