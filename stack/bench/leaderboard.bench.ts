import { prepareServiceDatabases, startEmbeddedPostgres } from '@quizgraph/prisma';
import { encodeOffsetCursor, graphqlData } from '@quizgraph/service-kit';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startStack } from '../src/stack.js';

/**
 * `pnpm bench`: how reading a global leaderboard page through the router scales with the number of
 * ranked players. Fills the results database's PlayerTotal aggregate directly (what submissions
 * maintain), then times page 1 and a page in the middle. Uses TEST_POSTGRES_URL when set.
 */
const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);

const dir = await mkdtemp(join(tmpdir(), 'quizgraph-bench-'));
const server = process.env.TEST_POSTGRES_URL ? undefined : await startEmbeddedPostgres({ dir, port: 0 });
const databases = await prepareServiceDatabases(process.env.TEST_POSTGRES_URL ?? server!.adminUrl, `quizgraph_bench_${Date.now()}`);
const stack = await startStack({ databases, keysDir: join(dir, 'keys'), ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logLevel: 'silent' });
const results = new pg.Client({ connectionString: databases.results });
await results.connect();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(query: string): Promise<{ p50: number; p95: number }> {
  await graphqlData(stack.router.url, query); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await graphqlData(stack.router.url, query);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const rows: Array<Record<string, string | number>> = [];
try {
  for (const size of SIZES) {
    await results.query('TRUNCATE "PlayerTotal"');
    await results.query(
      `INSERT INTO "PlayerTotal" ("userId", "totalScore", "timeTakenMs", "achievedAt")
       SELECT gen_random_uuid(), (random() * 10000)::int, (random() * 600000)::int, now() - random() * interval '30 days'
       FROM generate_series(1, $1)`,
      [size],
    );
    await results.query('ANALYZE "PlayerTotal"');
    const page = (after?: string) =>
      `{ leaderboard(first: 20${after ? `, after: "${after}"` : ''}) { totalCount edges { rank node { score } } } }`;
    const first = await time(page());
    const middle = await time(page(encodeOffsetCursor(Math.floor(size / 2))));
    rows.push({ players: size, 'page 1 p50 ms': first.p50.toFixed(1), 'page 1 p95 ms': first.p95.toFixed(1), 'middle p50 ms': middle.p50.toFixed(1), 'middle p95 ms': middle.p95.toFixed(1) });
  }
  console.table(rows);
} finally {
  await results.end();
  await stack.stop();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
}
