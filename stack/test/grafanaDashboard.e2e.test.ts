import { REPO_ROOT } from '@quizgraph/prisma';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';

// The Grafana dashboard in ops/grafana queries metrics by name and label: renaming one in code would
// leave its panels empty without a word. This test reads every PromQL expression in the dashboard and
// checks each metric and label it names against what the four processes really expose at /metrics.

const DASHBOARD = join(REPO_ROOT, 'ops/grafana/quizgraph-dashboard.json');
/** Grafana's reference to the dashboard's datasource variable (its syntax, not a template literal). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's own variable syntax.
const DATASOURCE_VARIABLE = '${datasource}';

interface Panel {
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: Array<{ expr: string; datasource?: { uid: string } }>;
  panels?: Panel[];
}
interface Variable {
  name: string;
  type: string;
  query: string | { query: string };
}
interface Dashboard {
  schemaVersion: number;
  templating: { list: Variable[] };
  panels: Panel[];
}

const dashboard = JSON.parse(await readFile(DASHBOARD, 'utf8')) as Dashboard;
const allPanels = (panels: Panel[]): Panel[] => panels.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);
const queryOf = (v: Variable) => (typeof v.query === 'string' ? v.query : v.query.query);

/** Every PromQL expression: the panels' and the template variables' (`label_values(<selector>, <label>)`). */
function expressions(): Array<{ where: string; expr: string }> {
  const fromPanels = allPanels(dashboard.panels).flatMap((p) => (p.targets ?? []).map((t) => ({ where: p.title, expr: t.expr })));
  const fromVariables = dashboard.templating.list
    .filter((v) => v.type === 'query')
    .map((v) => {
      const match = /^label_values\((.*),\s*(\w+)\)$/s.exec(queryOf(v));
      if (!match) throw new Error(`variable ${v.name}: not a label_values() query`);
      // The label asked for must be on the metric too: `by (label)` says the same.
      return { where: `variable ${v.name}`, expr: `sum by (${match[2]}) (${match[1]})` };
    });
  return [...fromPanels, ...fromVariables];
}

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset']);

/**
 * The metric names and label names an expression uses. A small reader for the PromQL this dashboard
 * writes (selectors, range vectors, aggregations with `by`, functions, arithmetic), not a full parser:
 * an identifier followed by `(` is a function, one in `{…}` or `by (…)` a label, the rest metrics.
 */
function namesIn(expr: string): { metrics: string[]; selectorLabels: Array<{ metric: string; label: string }>; groupingLabels: string[] } {
  const text = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\$\w+/g, '');
  const selectorLabels: Array<{ metric: string; label: string }> = [];
  for (const [, metric, body] of text.matchAll(/([a-zA-Z_:][\w:]*)\s*\{([^}]*)\}/g)) {
    for (const [, label] of body!.matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)) selectorLabels.push({ metric: metric!, label: label! });
  }
  const groupingLabels = [...text.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap(([, list]) =>
    list!
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const bare = text
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const metrics = [...bare.matchAll(/(?<![\w.])([a-zA-Z_:][\w:]*)(?!\s*\(|[\w:])/g)].map(([, name]) => name!).filter((name) => !KEYWORDS.has(name));
  return { metrics: [...new Set(metrics)], selectorLabels, groupingLabels: [...new Set(groupingLabels)] };
}

describe('reading PromQL names', () => {
  it('tells metrics from functions, labels and variables', () => {
    expect(
      namesIn('histogram_quantile(0.95, sum by (le, service) (rate(a_bucket{service=~"$service", op="x{y}"}[$__rate_interval]))) / sum(b_total offset 5m)'),
    ).toEqual({
      metrics: ['a_bucket', 'b_total'],
      selectorLabels: [
        { metric: 'a_bucket', label: 'service' },
        { metric: 'a_bucket', label: 'op' },
      ],
      groupingLabels: ['le', 'service'],
    });
  });
});

describe('the Grafana dashboard', () => {
  it('asks for a Prometheus data source and filters by service and operation', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    const variables = Object.fromEntries(dashboard.templating.list.map((v) => [v.name, v]));
    expect(variables.datasource).toMatchObject({ type: 'datasource', query: 'prometheus' });
    expect(variables.service?.type).toBe('query');
    expect(variables.operation?.type).toBe('query');
    // Every panel queries the chosen data source, none a data source of the author's own Grafana.
    for (const panel of allPanels(dashboard.panels).filter((p) => p.type !== 'row')) {
      expect(panel.datasource?.uid, panel.title).toBe(DATASOURCE_VARIABLE);
      for (const target of panel.targets ?? []) expect(target.datasource?.uid, panel.title).toBe(DATASOURCE_VARIABLE);
    }
  });

  describe('against the running processes', () => {
    let stack: RunningStack;
    /** Each sample's metric name, with the label names it was seen with, over the four processes. */
    const exposed = new Map<string, Set<string>>();

    beforeAll(async () => {
      const keysDir = join(await mkdtemp(join(tmpdir(), 'quizgraph-dashboard-')), 'keys');
      stack = await startStack({ databases: inject('databaseUrls'), keysDir, ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logLevel: 'silent' });
      // What makes the series that only appear once used: a request across two subgraphs, and an error.
      const post = (query: string) =>
        fetch(stack.router.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      expect((await post('query DashboardProbe { quizzes(first: 1) { totalCount } leaderboard(first: 1) { totalCount } }')).status).toBe(200);
      expect((await post('query DashboardError { nope }')).status).toBe(400);
      for (const origin of [stack.router.origin, ...Object.values(stack.services).map((s) => s.origin)]) {
        const text = await (await fetch(`${origin}/metrics`)).text();
        for (const line of text.split('\n')) {
          const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? /.exec(line);
          if (!sample) continue;
          const labels = exposed.get(sample[1]!) ?? new Set<string>();
          for (const [, label] of (sample[2] ?? '').matchAll(/([a-zA-Z_]\w*)="/g)) labels.add(label!);
          exposed.set(sample[1]!, labels);
        }
      }
    });

    afterAll(async () => {
      await stack?.stop();
    });

    it('queries only metrics the processes expose, with labels they carry', () => {
      const all = expressions();
      expect(all.length).toBeGreaterThan(10);
      const problems: string[] = [];
      for (const { where, expr } of all) {
        const { metrics, selectorLabels, groupingLabels } = namesIn(expr);
        if (metrics.length === 0) problems.push(`${where}: no metric in ${expr}`);
        for (const metric of metrics) if (!exposed.has(metric)) problems.push(`${where}: no process exposes ${metric}`);
        for (const { metric, label } of selectorLabels) {
          if (exposed.has(metric) && !exposed.get(metric)!.has(label)) problems.push(`${where}: ${metric} has no label ${label}`);
        }
        // A label to group by must be on at least one metric of the expression.
        for (const label of groupingLabels) {
          if (!metrics.some((m) => exposed.get(m)?.has(label))) problems.push(`${where}: no metric of ${expr} has the label ${label}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('covers what operators look at first', () => {
      const used = new Set(expressions().flatMap(({ expr }) => namesIn(expr).metrics));
      for (const metric of [
        'quizgraph_graphql_requests_total',
        'quizgraph_graphql_request_duration_seconds_bucket',
        'quizgraph_subgraph_fetch_duration_seconds_bucket',
        'quizgraph_db_pool_connections',
        'quizgraph_outbox_events',
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_p99_seconds',
      ]) {
        expect(used, metric).toContain(metric);
      }
    });
  });
});
