import { REPO_ROOT } from '@quizgraph/prisma';
import { devServiceCredentialSigner, graphqlRequest, routerTokenDigest, SERVICE_CREDENTIAL_HEADER } from '@quizgraph/service-kit';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort, spawnChild, type RunningChild } from '../src/processes.js';
import {
  benchLogger,
  check,
  commitHash,
  fmt,
  load,
  machineDescription,
  median,
  seedThroughApi,
  startBenchStack,
  type Sample,
  type Target,
} from './benchKit.js';
import { latencyChartSvg } from './latencyChart.js';

/**
 * `pnpm bench:router` (and `pnpm bench`): how much the project router costs, against calling the
 * subgraph straight and against The Guild's Hive Gateway in front of the same subgraph processes.
 *
 * Postgres (embedded, or TEST_POSTGRES_URL's server), fresh databases, the three subgraphs and the
 * router each in a process of its own (the launcher of `pnpm start`), and Hive Gateway in another
 * (configured only by the shipped routers/hive-gateway/gateway.config.ts, with a router token). Data
 * through the API: quizzes, players with names, attempts. Then autocannon (keep-alive), targets
 * interleaved within each round, BENCH_ROUTER_ROUNDS rounds of BENCH_ROUTER_SECONDS seconds per cell, medians:
 *   1. a single-subgraph query (a page of quizzes) through the router, Hive Gateway and straight;
 *   2. a quiz's leaderboard with the players' names and the quiz's title (quizzes → results → users)
 *      through the router and Hive Gateway;
 *   3. that leaderboard's latency at 10 clients through the router, idle and beside BENCH_ROUTER_SIGN_INS
 *      loops of sign-ins (argon2).
 * Prints Markdown tables and writes them with an SVG chart to BENCH_ROUTER_OUT_DIR (docs/bench).
 * BENCH_ROUTER_PROFILE=1 runs the router with --cpu-prof and prints its top self-time functions.
 */
const ROUNDS = Number(process.env.BENCH_ROUTER_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_ROUTER_SECONDS ?? 3);
const CONCURRENCY = (process.env.BENCH_ROUTER_CONCURRENCY ?? '1,10,50').split(',').map(Number);
const SIGN_INS = Number(process.env.BENCH_ROUTER_SIGN_INS ?? 8);
const PLAYERS = Number(process.env.BENCH_ROUTER_PLAYERS ?? 50);
const QUIZZES = 5;
const OUT_DIR = process.env.BENCH_ROUTER_OUT_DIR ?? join(REPO_ROOT, 'docs/bench');
const PROFILE = process.env.BENCH_ROUTER_PROFILE === '1';
const PASSWORD = 'bench passphrase 1';

const log = benchLogger();

async function run(routerUrl: string, hiveUrl: string, quizzesSubgraphUrl: string): Promise<void> {
  log(
    `processes: router ${stack.router.pid}, users ${stack.services.users.pid}, quizzes ${stack.services.quizzes.pid}, results ${stack.services.results.pid}, hive-gateway ${hive!.pid}`,
  );
  const seeded = await seedThroughApi(routerUrl, bench.databases.users, { quizzes: QUIZZES, players: PLAYERS, password: PASSWORD });
  log(`seeded ${QUIZZES} quizzes, ${PLAYERS} players, ${PLAYERS * 3} attempts through the router`);
  const quizIds = seeded.quizzes.map((q) => q.id);
  const { emails } = seeded;
  const signer = await devServiceCredentialSigner(bench.keysDir, 'router');
  const router: Target = { name: 'router', url: routerUrl };
  const hiveGateway: Target = { name: 'hive-gateway', url: hiveUrl };
  const straight: Target = {
    name: 'straight to quizzes',
    url: quizzesSubgraphUrl,
    headers: () => ({ [SERVICE_CREDENTIAL_HEADER]: signer.credentialFor('quizzes') }),
  };

  const single = 'query QuizPage { quizzes(first: 20) { totalCount edges { node { id title difficulty category } } } }';
  // The same page (all 5 quizzes) asked with `first` from 6 to 100 in turn: concurrent requests differ,
  // so neither gateway can merge them, and each one costs the subgraph a call.
  const singleDistinct = 'query QuizPage($n: Int) { quizzes(first: $n) { totalCount edges { node { id title difficulty category } } } }';
  let counter = 0;
  const distinctBody = () => JSON.stringify({ query: singleDistinct, variables: { n: 6 + (counter++ % 95) } });
  const board = `query QuizBoard { quiz(id: "${quizIds[0]}") { title leaderboard(first: 25) { totalCount edges { rank node { score timeTakenMs user { displayName } } } } } }`;
  const scenarios = [
    { key: 'single', query: single, body: JSON.stringify({ query: single }), targets: [router, hiveGateway, straight] },
    { key: 'distinct', query: singleDistinct.replace('($n: Int)', '').replace('$n', '20'), body: distinctBody, targets: [router, hiveGateway, straight] },
    { key: 'board', query: board, body: JSON.stringify({ query: board }), targets: [router, hiveGateway] },
  ];
  for (const s of scenarios) for (const t of s.targets) await check(t, s.query);

  // Warm-up: every target's code paths compiled before anything counts.
  for (const s of scenarios) for (const t of s.targets) await load(t, s.body, 10, 1);
  log(`warm; measuring ${ROUNDS} rounds × ${SECONDS} s per cell at ${CONCURRENCY.join(', ')} clients`);

  const samples = new Map<string, Sample[]>();
  const add = (key: string, sample: Sample) => samples.set(key, [...(samples.get(key) ?? []), sample]);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const s of scenarios) {
      for (const c of CONCURRENCY) {
        for (const t of s.targets) add(`${s.key}|${t.name}|${c}`, await load(t, s.body, c, SECONDS));
      }
    }
    // Sign-ins beside reads, interleaved with the same reads idle.
    add('idle', await load(router, JSON.stringify({ query: board }), 10, SECONDS));
    const loaded = await withSignIns(routerUrl, emails, () => load(router, JSON.stringify({ query: board }), 10, SECONDS));
    add('sign-ins', loaded.sample);
    add('sign-ins|rate', { rps: loaded.signInsPerSecond, p50: NaN, p95: NaN, p99: NaN, failed: loaded.failed });
    log(`round ${round}/${ROUNDS} done`);
  }

  const cell = (key: string): Sample => {
    const list = samples.get(key)!;
    return {
      rps: median(list.map((s) => s.rps)),
      p50: median(list.map((s) => s.p50)),
      p95: median(list.map((s) => s.p95)),
      p99: median(list.map((s) => s.p99)),
      failed: list.reduce((sum, s) => sum + s.failed, 0),
    };
  };

  const sections: string[] = [];
  const verdicts: string[] = [];
  const row = (label: string, c: number, m: Sample, extra = '') =>
    `| ${label} | ${c} | ${fmt(m.rps, 0)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${m.failed} |${extra}`;

  // 1. Single-subgraph query, identical requests and requests that differ.
  for (const [key, heading, shown] of [
    ['single', '1a. Single-subgraph query, identical requests (merged in flight by both gateways)', single],
    ['distinct', '1b. Single-subgraph query, requests that differ (`first` from 6 to 100 in turn: nothing to merge)', singleDistinct],
  ] as const) {
    const lines = [
      `### ${heading}`,
      '',
      `\`${shown}\``,
      '',
      '| target | clients | req/s | p50 ms | p95 ms | p99 ms | failed | straight ÷ target (req/s) |',
      '|---|---|---|---|---|---|---|---|',
    ];
    for (const c of CONCURRENCY) {
      const base = cell(`${key}|${straight.name}|${c}`);
      for (const t of [router, hiveGateway, straight]) {
        const m = cell(`${key}|${t.name}|${c}`);
        lines.push(row(t.name, c, m, ` ${t === straight ? '1.00' : fmt(base.rps / m.rps, 2)} |`));
      }
    }
    sections.push(lines.join('\n'));
    if (CONCURRENCY.includes(10)) {
      const ratio = cell(`${key}|${straight.name}|10`).rps / cell(`${key}|router|10`).rps;
      const what = key === 'single' ? 'identical requests' : 'requests that differ';
      verdicts.push(
        `- Router overhead on a single-subgraph query at 10 clients, ${what}: straight ÷ router = **${fmt(ratio, 2)}×** (target < 1.5×): ${ratio < 1.5 ? '**met**' : '**missed**'}.`,
      );
    }
  }
  // 2. Leaderboard with names.
  {
    const lines = [
      '### 2. Leaderboard with names and title: router against Hive Gateway',
      '',
      `\`${board.replace(/"[0-9a-f-]{36}"/, '"…"')}\``,
      '',
      '| target | clients | req/s | p50 ms | p95 ms | p99 ms | failed | router ÷ Hive (req/s) |',
      '|---|---|---|---|---|---|---|---|',
    ];
    const ratios: string[] = [];
    for (const c of CONCURRENCY) {
      const r = cell(`board|router|${c}`);
      const h = cell(`board|hive-gateway|${c}`);
      lines.push(row('router', c, r, ` ${fmt(r.rps / h.rps, 2)} |`), row('hive-gateway', c, h, ' |'));
      ratios.push(`${c} clients ${fmt(r.rps / h.rps, 2)}×`);
    }
    sections.push(lines.join('\n'));
    const all = CONCURRENCY.every((c) => cell(`board|router|${c}`).rps >= cell(`board|hive-gateway|${c}`).rps);
    verdicts.push(
      `- Leaderboard with names, router ÷ Hive Gateway throughput: ${ratios.join(', ')} (target ≥ 1×): ${all ? '**met**' : '**missed**'}${all ? '' : ' where below 1'}.`,
    );
  }
  // 3. Sign-ins beside reads.
  {
    const idle = cell('idle');
    const busy = cell('sign-ins');
    const rate = cell('sign-ins|rate');
    const lines = [
      `### 3. Leaderboard through the router at 10 clients, idle and beside ${SIGN_INS} sign-in loops`,
      '',
      '| reads | clients | req/s | p50 ms | p95 ms | p99 ms | failed | sign-ins/s |',
      '|---|---|---|---|---|---|---|---|',
      row('idle', 10, idle, ' – |'),
      row(`with ${SIGN_INS} sign-in loops`, 10, busy, ` ${fmt(rate.rps, 1)} (${rate.failed} failed) |`),
    ];
    sections.push(lines.join('\n'));
    const ratio = busy.p95 / idle.p95;
    verdicts.push(
      `- Leaderboard p95 beside ${SIGN_INS} sign-in loops ÷ idle: **${fmt(ratio, 2)}×** (target ≤ 1.5×): ${ratio <= 1.5 ? '**met**' : '**missed**'}.`,
    );
  }

  const commit = commitHash();
  const machine = machineDescription();
  const header = [
    '# Router bench',
    '',
    `\`pnpm bench:router\` on ${new Date().toISOString().slice(0, 10)}, commit \`${commit}\`, ${machine}. Each process of its own: the router,`,
    'the three subgraphs, Hive Gateway 2.15 (defaults) and Postgres, all on this machine, beside autocannon.',
    `Medians of ${ROUNDS} interleaved rounds of ${SECONDS} s per cell; latencies in ms from every response; ${PLAYERS} players,`,
    `${QUIZZES} quizzes. \`failed\`: errors, timeouts and non-2xx answers over all rounds.`,
    '',
    '![latency against concurrent clients](router-latency.svg)',
  ].join('\n');
  const markdown = `${header}\n\n${verdicts.join('\n')}\n\n${sections.join('\n\n')}\n`;
  console.log(`\n${verdicts.join('\n')}\n\n${sections.join('\n\n')}\n`);

  const panels = scenarios.map((s) => ({
    title: { single: 'Single-subgraph query', distinct: 'Single-subgraph, requests differ', board: 'Leaderboard with names' }[s.key]!,
    series: Object.fromEntries(
      s.targets.map((t) => [
        t.name,
        { p50: CONCURRENCY.map((c) => cell(`${s.key}|${t.name}|${c}`).p50), p95: CONCURRENCY.map((c) => cell(`${s.key}|${t.name}|${c}`).p95) },
      ]),
    ),
  }));
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(join(OUT_DIR, 'router.md'), markdown);
  await writeFile(
    join(OUT_DIR, 'router-latency.svg'),
    latencyChartSvg(CONCURRENCY, panels, `latency against concurrent clients (p95 solid, p50 dashed) · ${machine}`),
  );
  log(`wrote ${relative(process.cwd(), join(OUT_DIR, 'router.md'))} and router-latency.svg`);
}

/** `measure` while `SIGN_INS` loops sign players in through the router, one login after another. */
async function withSignIns<T>(
  routerUrl: string,
  emails: string[],
  measure: () => Promise<T>,
): Promise<{ sample: T; signInsPerSecond: number; failed: number }> {
  let running = true;
  let done = 0;
  let failed = 0;
  const loops = Array.from({ length: SIGN_INS }, async (_, i) => {
    while (running) {
      const response = await graphqlRequest(routerUrl, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
        variables: { e: emails[i % emails.length]!, p: PASSWORD },
      });
      if (response.errors?.length) failed += 1;
      else done += 1;
    }
  });
  const begun = performance.now();
  const sample = await measure();
  const seconds = (performance.now() - begun) / 1000;
  // Only the sign-ins that finished inside the window: those still running when it closes finish later.
  const inWindow = done;
  running = false;
  await Promise.all(loops);
  return { sample, signInsPerSecond: inWindow / seconds, failed };
}

/** The router's CPU profile (BENCH_ROUTER_PROFILE=1): the functions with the most self time. */
async function printProfile(): Promise<void> {
  const files = (await readdir(profileDir).catch(() => [])).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) {
    console.log('no router CPU profile was written');
    return;
  }
  const kept = join(tmpdir(), `quizgraph-router-${Date.now()}.cpuprofile`);
  const raw = await readFile(join(profileDir, files[0]!), 'utf8');
  await writeFile(kept, raw);
  const profile = JSON.parse(raw) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
    samples: number[];
    timeDeltas: number[];
  };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id)!;
    const us = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    // Waiting is not work: shares of the time the router was busy.
    if (functionName === '(idle)' || functionName === '(program)') return;
    total += us;
    const where = url
      .replace(/^file:\/\//, '')
      .replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
      .replace(`${REPO_ROOT}/`, '');
    const name = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + us);
    const pkg = url.includes('node_modules')
      ? (/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url)?.[1] ?? 'node_modules')
      : url.startsWith('node:') || url === ''
        ? functionName.startsWith('(')
          ? functionName
          : 'node internals'
        : where.split('/').slice(0, 2).join('/');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
  console.log(
    `\nRouter CPU profile (${(total / 1e6).toFixed(1)} s busy; kept in ${kept}, open it in Chrome DevTools). Self time by package:\n${top(byPackage, 15).join('\n')}`,
  );
  console.log(`\nTop functions by self time:\n${top(self, 30).join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

// The router's profile goes to a folder of its own, read after the processes have stopped.
const profileDir = await mkdtemp(join(tmpdir(), 'quizgraph-router-profile-'));
// Hive Gateway's proof of origin toward the subgraphs (the project router keeps its signed credential).
const routerToken = randomBytes(32).toString('hex');
const acceptRouterToken = { ROUTER_TOKEN_SHA256: routerTokenDigest(routerToken) };

const bench = await startBenchStack('router', {
  nodeArgs: PROFILE ? { router: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {},
  extraEnv: { users: acceptRouterToken, quizzes: acceptRouterToken, results: acceptRouterToken },
});
const stack = bench.processes;
let hive: RunningChild | undefined;
try {
  const hivePort = await freePort();
  const subgraphUrls = Object.fromEntries(Object.entries(stack.services).map(([name, s]) => [name, s.url.replace('localhost', '127.0.0.1')]));
  hive = await spawnChild({
    name: 'hive-gateway',
    script: join(dirname(fileURLToPath(import.meta.resolve('@graphql-hive/gateway'))), 'bin.js'),
    args: ['supergraph', '--host', '127.0.0.1', '--port', String(hivePort), '--config-path', join(REPO_ROOT, 'routers/hive-gateway/gateway.config.ts')],
    env: {
      ...process.env,
      SUPERGRAPH_PATH: bench.supergraphPath,
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_SUBGRAPH_URL`, url])),
      ROUTER_TOKEN: routerToken,
      // Errors only, as the project's processes log during the bench.
      LOG_LEVEL: 'error',
    },
    readyUrl: `http://127.0.0.1:${hivePort}/readiness`,
  });
  await run(stack.router.url.replace('localhost', '127.0.0.1'), `http://127.0.0.1:${hivePort}/graphql`, subgraphUrls.quizzes!);
} finally {
  await hive?.stop();
  await bench.stop();
  if (PROFILE) await printProfile();
  await rm(profileDir, { recursive: true, force: true });
}
