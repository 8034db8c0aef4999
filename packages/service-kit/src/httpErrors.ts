import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { Logger } from './logger.js';

/** The body of every HTTP-level error: GraphQL's error shape, so any client reads it the same way. */
export function httpErrorBody(message: string, code: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code } }] };
}

interface HttpErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** What a client did wrong, by body-parser's error type (and Express's URL decoding), with the status to answer. */
function clientError(error: unknown): { status: number; code: string; message: string } | null {
  if (!error || typeof error !== 'object') return null;
  const { status = (error as HttpErrorLike).statusCode, type } = error as HttpErrorLike;
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body has a Content-Encoding this server does not accept.' };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body has a charset this server does not accept (use utf-8).' };
    case 'request.aborted':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted.' };
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body does not match its Content-Length.' };
  }
  if (error instanceof URIError || (status === 400 && /decode param/i.test(String((error as Error).message)))) {
    return { status: 400, code: 'BAD_REQUEST', message: 'The request URL has a malformed escape.' };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', message: 'The request is malformed.' };
  }
  return null;
}

/**
 * The last handlers of every HTTP server (router and subgraphs): an unknown path and every error a
 * request meets outside GraphQL (a body that is not JSON, too large, in an unknown encoding, a
 * malformed URL escape) answer JSON with a code, in every mode, instead of Express's HTML page with a
 * stack trace and the server's paths. Unexpected errors are logged and masked.
 */
export function installHttpErrorHandlers(app: Express, logger?: Logger): void {
  const notFound: RequestHandler = (_req, res) => {
    res.status(404).json(httpErrorBody('There is nothing at this path.', 'NOT_FOUND'));
  };
  const onError: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = clientError(error);
    if (!known) logger?.error({ err: error, method: req.method, path: req.path }, 'request failed outside GraphQL');
    const { status, code, message } = known ?? { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' };
    // The client's bad body may still be arriving: do not keep the connection for it.
    if (status === 413 || status === 400) res.setHeader('connection', 'close');
    res.status(status).json(httpErrorBody(message, code));
  };
  app.use(notFound);
  app.use(onError);
}
