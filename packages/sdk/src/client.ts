import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { QuizgraphError, type QuizgraphGraphQLError } from './errors.js';
import { operationMetaOf } from './operationMeta.js';

/** What the client needs of a response: `fetch`'s `Response` (browsers, Node 20) has it. */
export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What the client needs of `fetch`: the global one of browsers and Node 20, or any compatible one. */
export type FetchLike = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<FetchResponseLike>;

type MaybePromise<T> = T | Promise<T>;

export interface QuizgraphClientOptions {
  /** The router's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  endpoint: string;
  /** The access token to send (as `Authorization: Bearer …`), read before every request; none: anonymous. */
  getAccessToken?: () => MaybePromise<string | null | undefined>;
  /**
   * Called once when the API answers `UNAUTHENTICATED` (an access token expires after 15 minutes):
   * typically runs `RefreshDocument` with the stored refresh token, stores the new pair and returns the
   * new access token. The request is then retried once with it; returning nothing gives up. Requests
   * that fail together share one call, since a refresh token works only once.
   */
  refreshAccessToken?: () => Promise<string | null | undefined>;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Headers added to every request. */
  headers?: Record<string, string> | (() => MaybePromise<Record<string, string>>);
  /**
   * Send the SDK's operations as persisted queries: their SHA-256 only (`extensions.persistedQuery`),
   * and the text too only when the router answers `PERSISTED_QUERY_NOT_FOUND`. A router in safelist mode
   * with the SDK's manifest (`@quizgraph/sdk/persisted-query-manifest.json`) runs them by id.
   */
  persisted?: boolean;
}

/** Variables may be left out when the operation has none that are required. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends T` is the test "every property of T is optional", not a use of `{}` as a type.
export type VariablesArgument<TVariables> = {} extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export interface QuizgraphClient {
  /**
   * Runs an operation (one of the SDK's documents, e.g. `LoginDocument`, or any `TypedDocumentNode`
   * that has its source text) and returns its data, typed; throws a `QuizgraphError` when the response
   * has any error.
   */
  request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...variables: VariablesArgument<TVariables>): Promise<TData>;
}

interface GraphQLResponseBody {
  data?: unknown;
  errors?: Array<Partial<QuizgraphGraphQLError>>;
}

interface Sent {
  status: number;
  requestId: string | null;
  data: unknown;
  errors: QuizgraphGraphQLError[];
}

export function createQuizgraphClient(options: QuizgraphClientOptions): QuizgraphClient {
  const fetchImpl = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
  if (!fetchImpl) throw new TypeError('createQuizgraphClient: no global fetch here; pass `fetch`.');
  let refreshing: Promise<string | null | undefined> | null = null;

  async function headers(accessToken: string | null | undefined): Promise<Record<string, string>> {
    const extra = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    return {
      ...extra,
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    };
  }

  async function send(body: Record<string, unknown>, accessToken: string | null | undefined): Promise<Sent> {
    const response = await fetchImpl!(options.endpoint, { method: 'POST', headers: await headers(accessToken), body: JSON.stringify(body) });
    const requestId = response.headers.get('x-request-id');
    const text = await response.text();
    let parsed: GraphQLResponseBody;
    try {
      parsed = JSON.parse(text) as GraphQLResponseBody;
    } catch {
      throw new QuizgraphError([], response.status, requestId);
    }
    const errors = (parsed.errors ?? []).map(
      (error): QuizgraphGraphQLError => ({
        ...error,
        message: error.message ?? 'Unknown error.',
        extensions: { ...error.extensions, code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR' },
      }),
    );
    return { status: response.status, requestId, data: parsed.data ?? null, errors };
  }

  /** One refresh at a time: requests that fail together wait for the same one. */
  function refresh(): Promise<string | null | undefined> {
    refreshing ??= options.refreshAccessToken!().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function run(document: object, variables: unknown): Promise<unknown> {
    const meta = operationMetaOf(document);
    const query = meta?.body ?? sourceOf(document);
    const operationName = meta?.operationName ?? nameOf(document);
    let accessToken = await options.getAccessToken?.();
    let refreshed = false;
    for (;;) {
      let sent: Sent;
      if (options.persisted && meta) {
        const extensions = { persistedQuery: { version: 1, sha256Hash: meta.hash } };
        sent = await send({ operationName, variables, extensions }, accessToken);
        if (sent.errors.some((e) => e.extensions.code === 'PERSISTED_QUERY_NOT_FOUND')) {
          sent = await send({ query, operationName, variables, extensions }, accessToken);
        }
      } else {
        sent = await send({ query, operationName, variables }, accessToken);
      }
      if (!refreshed && options.refreshAccessToken && sent.errors.some((e) => e.extensions.code === 'UNAUTHENTICATED')) {
        refreshed = true;
        const next = await refresh();
        if (next) {
          accessToken = next;
          continue;
        }
      }
      if (sent.errors.length > 0 || sent.data === null) throw new QuizgraphError(sent.errors, sent.status, sent.requestId, sent.data);
      return sent.data;
    }
  }

  return { request: (document, ...[variables]) => run(document, variables) as never };
}

/** The text of a document that is not the SDK's: graphql-tag and graphql-js's `parse` keep it. */
function sourceOf(document: object): string {
  const body = (document as { loc?: { source?: { body?: unknown } } }).loc?.source?.body;
  if (typeof body !== 'string') {
    throw new TypeError('This document has no source text: pass one of the SDK’s documents, or one parsed with its location (graphql-tag, graphql-js parse).');
  }
  return body;
}

function nameOf(document: object): string | undefined {
  const definitions = (document as { definitions?: Array<{ kind?: string; name?: { value?: string } }> }).definitions ?? [];
  return definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value;
}
