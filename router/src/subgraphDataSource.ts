import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLIENT_ADDRESS_HEADER, CLIENT_USER_AGENT_HEADER, REQUEST_ID_HEADER, SERVICE_CREDENTIAL_HEADER, type ServiceCredentialSigner } from '@quizgraph/service-kit';
import type { RouterContext } from './context.js';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  signer: ServiceCredentialSigner;
  timeoutMs: number;
}

/**
 * How the router calls a subgraph: with a short-lived service credential addressed to that subgraph
 * (the proof that the request comes from the router), the caller's access token (so the subgraph can
 * verify the identity itself), the request id, and a timeout, which @apollo/gateway has none of.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly subgraphName: string;
  private readonly signer: ServiceCredentialSigner;

  constructor({ name, url, signer, timeoutMs }: SubgraphDataSourceOptions) {
    super({
      url,
      fetcher: (input, init) => fetch(input, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) }) as never,
    });
    this.subgraphName = name;
    this.signer = signer;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = request.http!.headers;
    headers.set(SERVICE_CREDENTIAL_HEADER, this.signer.credentialFor(this.subgraphName));
    if ('accessToken' in context && context.accessToken) headers.set('authorization', `Bearer ${context.accessToken}`);
    if ('requestId' in context && context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    if ('client' in context) {
      if (context.client.address) headers.set(CLIENT_ADDRESS_HEADER, context.client.address);
      if (context.client.userAgent) headers.set(CLIENT_USER_AGENT_HEADER, context.client.userAgent);
    }
  }
}
