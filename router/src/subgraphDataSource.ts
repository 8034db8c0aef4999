import { performance } from 'node:perf_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_USER_AGENT_HEADER,
  REQUEST_ID_HEADER,
  SERVICE_CREDENTIAL_HEADER,
  injectTraceContext,
  type Logger,
  type ServiceCredentialSigner,
} from '@quizgraph/service-kit';
import {
  getOperationAST,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
} from 'graphql';
import type { RouterContext } from './context.js';
import {
  CircuitBreaker,
  callResiliently,
  DEFAULT_BREAKER,
  DEFAULT_RETRY_POLICY,
  failureKindOf,
  operationKindOf,
  SubgraphUnavailableError,
  type RetryPolicy,
} from './resilience.js';

/** How the router rides out a subgraph that is down or slow (all optional: defaults in resilience.ts). */
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource<RouterContext>['process']>>;

/** A copy of an answer's JSON parts (the gateway merges into them), sharing nothing with the original. */
function copyOf(response: SubgraphResponse): SubgraphResponse {
  const copy: SubgraphResponse = { ...response };
  if (response.data !== undefined) copy.data = structuredClone(response.data);
  if (response.errors !== undefined) copy.errors = structuredClone(response.errors);
  if (response.extensions !== undefined) copy.extensions = structuredClone(response.extensions);
  return copy;
}

export interface SubgraphResilienceOptions {
  /** Retries of a failed query (never a mutation) after a network error, a timeout or a 5xx. */
  retries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Consecutive failed calls that open a subgraph's circuit. */
  breakerFailureThreshold?: number;
  /** How long an open circuit fails calls at once before letting one trial call through. */
  breakerCoolDownMs?: number;
  /** The breaker's clock, in milliseconds (tests). */
  now?: () => number;
  /** The retries' randomness, in [0, 1) (tests). */
  random?: () => number;
}

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  signer: ServiceCredentialSigner;
  /** Each attempt's limit: no complete answer by then counts as a failure. */
  timeoutMs: number;
  resilience?: SubgraphResilienceOptions;
  /** Where breaker state changes are logged (failed calls go to the request's logger). */
  logger?: Logger;
  /** Told of every subgraph call, its retries included in its time: subgraph, outcome and seconds (metrics). */
  observe?: (subgraph: string, outcome: 'ok' | 'unavailable' | 'error', seconds: number) => void;
}

/** At most this many field errors for one failed call (one per field per entity otherwise). */
const MAX_ERRORS_PER_CALL = 50;

/**
 * How the router calls a subgraph: with a short-lived service credential addressed to that subgraph
 * (the proof that the request comes from the router), the caller's access token (so the subgraph can
 * verify the identity itself), the request id, and a timeout, which @apollo/gateway has none of.
 *
 * A subgraph that is down or slow costs only its own fields: a call that fails for availability
 * reasons (no connection, the timeout, HTTP 5xx, an open circuit) is retried if it is a query, and
 * then answered here with one `SERVICE_UNAVAILABLE` error per field it was to resolve, at that field's
 * path, naming the service but never its URL, its response or a stack (@apollo/gateway would throw
 * the fetch error, which reaches the client without a path).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly subgraphName: string;
  private readonly signer: ServiceCredentialSigner;
  private readonly policy: RetryPolicy;
  private readonly random: (() => number) | undefined;
  readonly breaker: CircuitBreaker;

  private readonly observe: SubgraphDataSourceOptions['observe'];

  constructor({ name, url, signer, timeoutMs, resilience = {}, logger, observe }: SubgraphDataSourceOptions) {
    super({
      url,
      fetcher: async (input, init) => {
        const response = await fetch(input, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) });
        if (response.status >= 500) {
          // Its body (a proxy's page, a stack) is nobody's business: dropped, and the socket freed.
          await response.body?.cancel().catch(() => undefined);
          throw new SubgraphUnavailableError('status', response.status);
        }
        return response as never;
      },
    });
    this.subgraphName = name;
    this.signer = signer;
    this.observe = observe;
    this.policy = {
      retries: resilience.retries ?? DEFAULT_RETRY_POLICY.retries,
      baseDelayMs: resilience.retryBaseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
      maxDelayMs: resilience.retryMaxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    };
    this.random = resilience.random;
    this.breaker = new CircuitBreaker({
      failureThreshold: resilience.breakerFailureThreshold ?? DEFAULT_BREAKER.failureThreshold,
      coolDownMs: resilience.breakerCoolDownMs ?? DEFAULT_BREAKER.coolDownMs,
      ...(resilience.now ? { now: resilience.now } : {}),
      onStateChange: (state, previous) => {
        const log = { subgraph: name, state, previous };
        if (state === 'open') logger?.warn(log, 'subgraph circuit opened: its calls fail at once until it recovers');
        else logger?.info(log, `subgraph circuit ${state}`);
      },
    });
  }

  /** Identical queries in flight to this subgraph, by what makes their answer: text, variables, caller. */
  private readonly inFlight = new Map<string, { response: Promise<SubgraphResponse>; joiners: number }>();

  override async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<SubgraphResponse> {
    // Health checks and schema loading (not used: the supergraph is static) go through untouched.
    if (!('incomingRequestContext' in options)) return super.process(options);
    const { request } = options;
    if (operationKindOf(request.query ?? '') !== 'query') return this.call(options);
    // Merged: a query identical to one already on its way to this subgraph, for the same caller (the
    // answer may depend on who asks: the access token is part of the key), waits for that answer
    // instead of asking again. Mutations never merge. Each gets its own copy of a shared answer.
    const accessToken = options.incomingRequestContext.context.accessToken ?? null;
    const key = JSON.stringify([request.query, request.variables ?? null, request.operationName ?? null, accessToken]);
    const pending = this.inFlight.get(key);
    if (pending) {
      pending.joiners += 1;
      return copyOf(await pending.response);
    }
    const entry = { response: this.call(options).finally(() => this.inFlight.delete(key)), joiners: 0 };
    this.inFlight.set(key, entry);
    const response = await entry.response;
    return entry.joiners > 0 ? copyOf(response) : response;
  }

  /** One call to the subgraph, with retries and the breaker. */
  private async call(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<SubgraphResponse> {
    if (!('incomingRequestContext' in options)) return super.process(options);
    const { request } = options;
    const context = options.incomingRequestContext.context;
    const started = performance.now();
    let outcome: 'ok' | 'unavailable' | 'error' = 'error';
    try {
      const response = await callResiliently(() => super.process(options), {
        operation: operationKindOf(request.query ?? ''),
        breaker: this.breaker,
        policy: this.policy,
        ...(this.random ? { random: this.random } : {}),
        // The details (address, cause) go to the log only: the client gets SERVICE_UNAVAILABLE.
        onFailure: (failure, attempt, willRetry, error) => {
          context.logger.warn({ subgraph: this.subgraphName, failure, attempt, willRetry, err: error }, 'subgraph call failed');
        },
      });
      outcome = 'ok';
      return response;
    } catch (error) {
      if (failureKindOf(error) === null) throw error;
      outcome = 'unavailable';
      return { errors: unavailableErrors(this.subgraphName, request.query ?? '', request.operationName, request.variables) };
    } finally {
      this.observe?.(this.subgraphName, outcome, (performance.now() - started) / 1000);
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = request.http!.headers;
    headers.set(SERVICE_CREDENTIAL_HEADER, this.signer.credentialFor(this.subgraphName));
    if ('accessToken' in context && context.accessToken) headers.set('authorization', `Bearer ${context.accessToken}`);
    if ('requestId' in context && context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    // The gateway's span of this fetch is the active one here: the subgraph's spans become its children.
    injectTraceContext(headers);
    if ('client' in context) {
      if (context.client.address) headers.set(CLIENT_ADDRESS_HEADER, context.client.address);
      if (context.client.userAgent) headers.set(CLIENT_USER_AGENT_HEADER, context.client.userAgent);
    }
  }
}

/**
 * The errors that stand for a failed call: one per field the call was to resolve, with the path the
 * gateway understands in a subgraph response (`["_entities", i, field]` for an entity fetch, which it
 * maps to the entity's place in the client's response; `[field]` for a root fetch).
 */
export function unavailableErrors(
  service: string,
  query: string,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined,
): GraphQLFormattedError[] {
  const message = `The ${service} service is unavailable right now.`;
  const extensions = { code: 'SERVICE_UNAVAILABLE', service };
  let paths: Array<Array<string | number>>;
  try {
    paths = fieldPaths(parse(query), operationName ?? undefined, variables?.representations);
  } catch {
    paths = [];
  }
  if (paths.length === 0) return [{ message, extensions }];
  return paths.slice(0, MAX_ERRORS_PER_CALL).map((path) => ({ message, path, extensions }));
}

function fieldPaths(document: DocumentNode, operationName: string | undefined, representations: unknown): Array<Array<string | number>> {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const rootKeys = responseKeys(operation.selectionSet, fragments, null);
  if (!Array.isArray(representations)) return rootKeys.map((key) => [key]);

  const entities = fieldNamed(operation.selectionSet, '_entities', fragments);
  if (!entities?.selectionSet) return [];
  const paths: Array<Array<string | number>> = [];
  representations.forEach((representation: unknown, index) => {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    const keys = responseKeys(entities.selectionSet!, fragments, typeof typename === 'string' ? typename : null);
    for (const key of keys) paths.push(['_entities', index, key]);
  });
  return paths;
}

/** The response keys of a selection set, through fragments on `typename` (any type when null); no `__typename`. */
function responseKeys(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, typename: string | null): string[] {
  const keys = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (key !== '__typename') keys.add(key);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || typename === null || selection.typeCondition.name.value === typename) visit(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && (typename === null || fragment.typeCondition.name.value === typename)) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return [...keys];
}

function fieldNamed(selectionSet: SelectionSetNode, name: string, fragments: Map<string, FragmentDefinitionNode>): FieldNode | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD && selection.name.value === name) return selection;
    const nested =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : selection.kind === Kind.FRAGMENT_SPREAD
          ? fragments.get(selection.name.value)?.selectionSet
          : undefined;
    const found = nested && fieldNamed(nested, name, fragments);
    if (found) return found;
  }
  return undefined;
}
