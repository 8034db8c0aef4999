import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';

/**
 * SQL statements in traces: one client span per statement sent on a service's pool, a child of the
 * request's span (service-kit's tracing.ts registers the provider and starts the request spans).
 */

const MAX_STATEMENT_TEXT = 2_000;

/**
 * A client span for one SQL statement, a child of the span running now; none outside a trace (pool
 * upkeep, probes). The statement's text is recorded without its parameters, which may hold personal data.
 */
export function startStatementSpan(text: string, database: string | undefined): Span | undefined {
  const parent = context.active();
  // Outside a request, or in one whose trace is not recorded: nothing to attach the statement to.
  if (!trace.getSpan(parent)?.isRecording()) return undefined;
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  return trace.getTracer('quizgraph.database').startSpan(
    database ? `${operation} ${database}` : operation,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        'db.query.text': text.length > MAX_STATEMENT_TEXT ? `${text.slice(0, MAX_STATEMENT_TEXT)}…` : text,
        ...(database ? { 'db.namespace': database } : {}),
      },
    },
    parent,
  );
}

/** Ends a statement's span, marking it failed with the error's Postgres code when there is one. */
export function endStatementSpan(span: Span | undefined, error?: unknown): void {
  if (!span) return;
  if (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') span.setAttribute('db.response.status_code', code);
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}
