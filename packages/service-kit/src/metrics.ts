import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * A process's (or, under `pnpm start`, a service's) Prometheus metrics, served at `/metrics`:
 * Node's own (CPU, memory, event loop lag, GC), GraphQL requests, errors and latency by operation, and
 * whatever the service adds (database pool, outbox backlog, subgraph fetches at the router).
 */
export interface Metrics {
  registry: Registry;
  /** Requests, errors and latency by operation name and type. */
  plugin: ApolloServerPlugin;
  /** A gauge read at each scrape (`collect` returns one value per label set). */
  gauge(name: string, help: string, labelNames: string[], collect: () => Promise<Array<{ labels: Record<string, string>; value: number }>>): void;
  /** A latency histogram (seconds, the same buckets as requests'); returns its observe function. */
  histogram(name: string, help: string, labelNames: string[]): (labels: Record<string, string>, seconds: number) => void;
  /** The Prometheus text of every metric. */
  render(): Promise<{ contentType: string; body: string }>;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Distinct operation names kept as labels; the rest count as `other` (clients choose names freely). */
const MAX_OPERATION_LABELS = 200;

export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'quizgraph_graphql_requests_total',
    help: 'GraphQL requests, by operation, type and outcome (ok: no error in the response).',
    labelNames: ['operation', 'type', 'outcome'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'quizgraph_graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'quizgraph_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response, by operation and type.',
    labelNames: ['operation', 'type'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const seen = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!/^\w{1,64}$/.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const stop = latency.startTimer();
      return {
        async willSendResponse({ operationName, operation, errors: responseErrors }) {
          const labels = { operation: operationLabel(operationName), type: operation?.operation ?? 'unknown' };
          stop(labels);
          requests.inc({ ...labels, outcome: responseErrors?.length ? 'error' : 'ok' });
          for (const error of responseErrors ?? []) {
            const code = error.extensions?.code;
            errors.inc({ code: typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code) ? code : 'INTERNAL_SERVER_ERROR' });
          }
        },
      };
    },
  };

  return {
    registry,
    plugin,
    gauge(name, help, labelNames, collect) {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          for (const { labels, value } of await collect()) this.set(labels, value);
        },
      });
    },
    histogram(name, help, labelNames) {
      const histogram = new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [registry] });
      return (labels, seconds) => histogram.observe(labels, seconds);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** Connections of each named database pool, by state (total, idle, waiting requests), read at each scrape. */
export function addDatabasePoolMetrics(metrics: Metrics, pools: Record<string, () => { total: number; idle: number; waiting: number }>): void {
  metrics.gauge(
    'quizgraph_db_pool_connections',
    'Database pool connections (total, idle) and requests waiting for one, by pool.',
    ['pool', 'state'],
    async () =>
      Object.entries(pools).flatMap(([pool, stats]) => {
        const { total, idle, waiting } = stats();
        return [
          { labels: { pool, state: 'total' }, value: total },
          { labels: { pool, state: 'idle' }, value: idle },
          { labels: { pool, state: 'waiting' }, value: waiting },
        ];
      }),
  );
}
