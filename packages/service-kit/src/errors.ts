import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The `extensions.code` values a client can branch on. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** Too late: the time allowed (an attempt's deadline plus its grace) has run out. */
  | 'DEADLINE_EXCEEDED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** The one base class: every error a resolver means to show a client carries a code. */
export class QuizgraphError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends QuizgraphError {
  constructor(message: string, extensions: { field?: string; [key: string]: unknown } = {}) {
    super('BAD_USER_INPUT', message, extensions);
  }
}

/**
 * Raised by resolvers, it answers HTTP 200 with the error in the body: a subgraph must not answer 401
 * for a wrong password, or the gateway would replace the message with "401: Unauthorized" and hand the
 * client the subgraph's URL and raw response. Only a request refused as a whole gets 401:
 * see `refusingRequest`.
 */
export class UnauthenticatedError extends QuizgraphError {
  constructor(message = 'You must be signed in to do this.', extensions: Record<string, unknown> = {}) {
    super('UNAUTHENTICATED', message, extensions);
  }
}

/** Runs a check on the whole request (the access token): its UNAUTHENTICATED error becomes HTTP 401. */
export async function refusingRequest<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw new UnauthenticatedError(error.message, { http: { status: 401 } });
    throw error;
  }
}

export class ForbiddenError extends QuizgraphError {
  constructor(message = 'You are not allowed to do this.') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends QuizgraphError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} does not exist.`, { id });
  }
}

export class ConflictError extends QuizgraphError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

export class RateLimitedError extends QuizgraphError {
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

const CLIENT_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DEADLINE_EXCEEDED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  // Produced by graphql-js / Apollo Server themselves for malformed operations.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Whether an `extensions.code` is one a client is meant to see (and act on). */
export function isClientErrorCode(code: string): boolean {
  return CLIENT_CODES.has(code);
}

/**
 * Builds Apollo Server's `formatError`: errors a client is meant to see pass through; anything else
 * (a bug, a database failure) reaches the client only as INTERNAL_SERVER_ERROR. Its details are logged
 * with the request id by requestLogPlugin (requestLog.ts).
 */
export function createErrorFormatter() {
  return (formatted: GraphQLFormattedError, _error?: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      // `response` and `serviceName` are what @apollo/gateway adds about a subgraph: internal.
      const { stacktrace: _stacktrace, response: _response, serviceName: _serviceName, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    return {
      message: 'Internal server error.',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
