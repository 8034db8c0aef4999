import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Logger } from './logger.js';
import { refusingRequest } from './errors.js';
import { currentTraceId } from './tracing.js';
import { bearerToken, verifyAccessToken, type KeySource, type ServiceCaller, type Viewer } from './tokens.js';

export const REQUEST_ID_HEADER = 'x-request-id';
/** The end client as the router saw it; trusted only on requests that carry a service credential. */
export const CLIENT_ADDRESS_HEADER = 'x-quizgraph-client-address';
export const CLIENT_USER_AGENT_HEADER = 'x-quizgraph-client-user-agent';

export interface ClientInfo {
  /** The client's IP address, or null when unknown. */
  address: string | null;
  userAgent: string | null;
}

/** What every subgraph resolver can rely on, whatever the service. */
export interface BaseContext {
  requestId: string;
  logger: Logger;
  /** The signed-in user, from a verified access token; null for anonymous requests. */
  viewer: Viewer | null;
  /** The process that called /graphql: the router, proven by its service credential or the router token. */
  caller: ServiceCaller;
  /** The end client, as the router forwarded it. */
  client: ClientInfo;
}

export function clientOf(req: Request): ClientInfo {
  const address = req.headers[CLIENT_ADDRESS_HEADER];
  const userAgent = req.headers[CLIENT_USER_AGENT_HEADER];
  return {
    address: typeof address === 'string' && /^[0-9a-fA-F:.]{2,45}$/.test(address) ? address : null,
    userAgent: typeof userAgent === 'string' && userAgent !== '' ? userAgent.slice(0, 300) : null,
  };
}

export function requestIdOf(req: Request): string {
  const header = req.headers[REQUEST_ID_HEADER];
  return typeof header === 'string' && /^[\w-]{1,100}$/.test(header) ? header : randomUUID();
}

/**
 * The logger of one request: every line it writes carries the request id and the trace id, so a log
 * line leads to the request's trace and back. Resolvers log through `context.logger`.
 */
export function requestLogger(logger: Logger, requestId: string): Logger {
  const traceId = currentTraceId();
  return logger.child(traceId ? { requestId, traceId } : { requestId });
}

export async function viewerOf(req: Request, accessKeys: KeySource): Promise<Viewer | null> {
  return refusingRequest(async () => {
    const token = bearerToken(req.headers.authorization);
    return token ? verifyAccessToken(token, accessKeys) : null;
  });
}
