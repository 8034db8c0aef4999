import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

/**
 * OpenTelemetry tracing for every process: W3C trace context from the router through each subgraph
 * down to each SQL statement. Auto-instrumentation patches CommonJS `require`, which misses the ESM
 * imports these services run on, so the three places a trace crosses are instrumented here on the
 * SDK's own API: the HTTP server of every process (`listen`), the router's calls to subgraphs
 * (`injectTraceContext`) and the pg connections under Prisma (prisma/src/tracing.ts). @apollo/gateway adds
 * its own spans (plan, execute, one per subgraph fetch) to the router's.
 */

export type TraceExporterKind = 'none' | 'console' | 'otlp';

export interface TracingSettings {
  /**
   * Where finished spans go: `otlp` (to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT,
   * read by the exporter itself with its headers and timeout), `console` (development), or `none`: trace
   * ids are still made and passed on (access-log lines carry them), but no span is recorded.
   */
  exporter: TraceExporterKind;
  /** Share of new traces recorded, 0 to 1 (OTEL_TRACES_SAMPLER_ARG). */
  sampleRatio: number;
  /** `service.name` of the spans (OTEL_SERVICE_NAME overrides the process's own name). */
  serviceName: string;
}

export const TRACING_ENV = {
  OTEL_TRACES_EXPORTER: z.enum(['none', 'console', 'otlp']).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
};

/**
 * The settings from the standard OpenTelemetry variables: an OTLP endpoint turns export on unless
 * OTEL_TRACES_EXPORTER says otherwise.
 */
export function tracingSettingsFromEnv(env: { [K in keyof typeof TRACING_ENV]?: z.infer<(typeof TRACING_ENV)[K]> }, serviceName: string): TracingSettings {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return {
    exporter: env.OTEL_TRACES_EXPORTER ?? (endpoint ? 'otlp' : 'none'),
    sampleRatio: env.OTEL_TRACES_SAMPLER_ARG ?? 1,
    serviceName: env.OTEL_SERVICE_NAME ?? `quizgraph-${serviceName}`,
  };
}

export interface Tracing {
  /** Sends the spans still buffered, then stops recording. */
  shutdown(): Promise<void>;
}

/**
 * Registers this process's tracer provider, propagator (W3C trace context and baggage) and
 * AsyncLocalStorage context manager. Call once, before the servers start. `spanExporter` replaces the
 * configured exporter (tests keep the spans in memory).
 */
export function startTracing(settings: TracingSettings, spanExporter?: SpanExporter): Tracing {
  const processors: SpanProcessor[] = [];
  if (spanExporter) processors.push(new SimpleSpanProcessor(spanExporter));
  else if (settings.exporter === 'console') processors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  else if (settings.exporter === 'otlp') processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  const recording = processors.length > 0;
  // Not recording: ids are still generated and propagated (logs carry them), at almost no cost.
  const root: Sampler = !recording
    ? new AlwaysOffSampler()
    : settings.sampleRatio >= 1
      ? new AlwaysOnSampler()
      : new TraceIdRatioBasedSampler(settings.sampleRatio);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    // A caller's decision is followed (the router's, for the subgraphs), within this process's ratio
    // for what a public client asks: a client cannot make every request of its own recorded.
    sampler: new ParentBasedSampler({ root, remoteParentSampled: recording ? root : new AlwaysOffSampler() }),
    spanProcessors: processors,
  });
  provider.register();
  return {
    async shutdown() {
      await provider.shutdown();
    },
  };
}

const SKIPPED_PATHS = new Set(['/health', '/ready', '/metrics']);

const headerGetter: TextMapGetter<IncomingMessage['headers']> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key.toLowerCase()],
};

/**
 * Runs `handle` inside a server span for one HTTP request, continuing the trace its `traceparent`
 * header names. Probes and scrapes (`/health`, `/ready`, `/metrics`) are not traced.
 */
export function withServerSpan(service: string, req: IncomingMessage, res: ServerResponse, handle: () => void): void {
  const path = (req.url ?? '/').split('?', 1)[0]!;
  if (SKIPPED_PATHS.has(path)) {
    handle();
    return;
  }
  const parent = propagation.extract(ROOT_CONTEXT, req.headers, headerGetter);
  const span = trace.getTracer(`quizgraph.${service}`).startSpan(
    `${req.method ?? 'GET'} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': path, 'quizgraph.service': service },
    },
    parent,
  );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), handle);
}

/** The trace id of the span running now, or null outside any trace. */
export function currentTraceId(): string | null {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : null;
}

/** What outgoing headers must offer: the fetch API's `Headers`, or node-fetch's. */
interface SettableHeaders {
  set(name: string, value: string): void;
}

const headersSetter: TextMapSetter<SettableHeaders> = { set: (carrier, key, value) => carrier.set(key, value) };

/** Adds `traceparent` (and `tracestate`, baggage) of the current span to an outgoing request's headers. */
export function injectTraceContext(headers: SettableHeaders, from: Context = context.active()): void {
  propagation.inject(from, headers, headersSetter);
}
