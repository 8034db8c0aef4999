import type { ClientInfo, Logger, Viewer } from '@quizgraph/service-kit';

export interface RouterContext {
  requestId: string;
  logger: Logger;
  /** The caller's access token, verified once here and forwarded for the subgraphs to verify again. */
  accessToken: string | undefined;
  viewer: Viewer | null;
  /** The client's address (behind TRUST_PROXY hops) and user agent, forwarded for throttling and session lists. */
  client: ClientInfo;
}
