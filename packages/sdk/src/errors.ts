/**
 * Every `extensions.code` the Quizgraph API answers with (README, "Errors" and "Limits";
 * packages/service-kit/src/errors.ts and the router's refusals).
 */
export type QuizgraphErrorCode =
  // A resolver's refusal: the ones a client branches on.
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DEADLINE_EXCEEDED'
  | 'RATE_LIMITED'
  // A subgraph that is down, slow or failing: its fields are null, each with this error at its path.
  | 'SERVICE_UNAVAILABLE'
  // Anything unexpected (the details are in the server's log, under the request id).
  | 'INTERNAL_SERVER_ERROR'
  // The operation itself: not GraphQL, not valid against the schema, or which one to run is unclear.
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'BAD_REQUEST'
  // The request passed a limit (HTTP 400).
  | 'TOO_MANY_TOKENS'
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'TOO_MANY_REPEATED_FIELDS'
  | 'TOO_MANY_FIELDS'
  | 'QUERY_TOO_COMPLEX'
  // Persisted operations.
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'PERSISTED_QUERY_NOT_IN_SAFELIST'
  // Refused before GraphQL: the body, its encoding or its size.
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE';

/** One problem of an import or a publication (`extensions.problems`). */
export type QuizgraphProblem = string | { message: string; path?: string; line?: number };

export interface QuizgraphErrorExtensions {
  code: QuizgraphErrorCode;
  /** `BAD_USER_INPUT`: the offending input, e.g. `answers.0.optionIds`. */
  field?: string;
  /** `BAD_USER_INPUT` when publishing, importing, or editing a published quiz: every problem. */
  problems?: QuizgraphProblem[];
  /** `RATE_LIMITED`: when to try again. */
  retryAfterSeconds?: number;
  /** `SERVICE_UNAVAILABLE`: the service that could not answer. */
  service?: string;
  /** A limit's measure and value (development mode only). */
  actual?: number;
  limit?: number;
  [key: string]: unknown;
}

/** One GraphQL error, as the API answers it. */
export interface QuizgraphGraphQLError {
  message: string;
  /** Where in `data` the error happened (a field and its parents). */
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions: QuizgraphErrorExtensions;
}

/**
 * A request that did not fully succeed: every GraphQL error of the response, the HTTP status, the
 * request id the server logged it under (its `x-request-id` header), and whatever data came back
 * (a subgraph being down nulls only its fields: the rest is here).
 */
export class QuizgraphError<TData = unknown> extends Error {
  override readonly name = 'QuizgraphError';

  constructor(
    readonly errors: readonly QuizgraphGraphQLError[],
    readonly status: number,
    readonly requestId: string | null,
    readonly data: TData | null = null,
  ) {
    super(QuizgraphError.describe(errors, status, requestId));
  }

  /** The code of the first error: what a client usually branches on. */
  get code(): QuizgraphErrorCode | undefined {
    return this.errors[0]?.extensions.code;
  }

  /** Whether any error has this code. */
  has(code: QuizgraphErrorCode): boolean {
    return this.errors.some((error) => error.extensions.code === code);
  }

  private static describe(errors: readonly QuizgraphGraphQLError[], status: number, requestId: string | null): string {
    const first = errors[0];
    const text = first ? `${first.extensions.code}: ${first.message}` : `HTTP ${status}`;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return `${text}${more}${requestId ? ` [request ${requestId}]` : ''}`;
  }
}
