import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Logger } from './logger.js';
import { bearerToken, verifyAccessToken, type KeySource, type ServiceCaller, type Viewer } from './tokens.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What every subgraph resolver can rely on, whatever the service. */
export interface BaseContext {
  requestId: string;
  logger: Logger;
  /** The signed-in user, from a verified access token; null for anonymous requests. */
  viewer: Viewer | null;
  /** The process that called: the router or a sibling service, proven by its service credential. */
  caller: ServiceCaller;
}

export function requestIdOf(req: Request): string {
  const header = req.headers[REQUEST_ID_HEADER];
  return typeof header === 'string' && /^[\w-]{1,100}$/.test(header) ? header : randomUUID();
}

export async function viewerOf(req: Request, accessKeys: KeySource): Promise<Viewer | null> {
  const token = bearerToken(req.headers.authorization);
  return token ? verifyAccessToken(token, accessKeys) : null;
}
