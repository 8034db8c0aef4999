import { REPO_ROOT } from '@quizgraph/prisma';
import { RELAY_POOL_SIZE, REQUEST_POOL_SIZE } from '@quizgraph/prisma/runtime';
import { rebuildAggregates } from '@quizgraph/results/rebuild';
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { benchLogger, check, commitHash, fmt, machineDescription, median, percentile, seedThroughApi, startBenchStack, type SeededQuiz } from './benchKit.js';

/**
 * `pnpm bench:capacity`: the measured figures a capacity plan is built on (docs/capacity.md).
 *
 * The product as `pnpm start` runs it (each subgraph and the router in a process of its own, Postgres
 * embedded or TEST_POSTGRES_URL's server), data through the API, then for each main operation a steady
 * autocannon load at a concurrency that saturates this machine, the operations interleaved within each
 * of BENCH_CAPACITY_ROUNDS rounds of BENCH_CAPACITY_SECONDS seconds, medians:
 *   - operations per second, and the CPU time each process spent meanwhile (utime + stime from
 *     /proc/<pid>/stat, its child processes included: the users service's password-hashing helper,
 *     Postgres's backends), hence CPU milliseconds per operation and operations per second per core
 *     of the router, each subgraph and Postgres;
 *   - the peak number of server connections of each service's database (pg_stat_activity), beside
 *     the pool sizes in the code;
 * then grows the data by copying the API-made rows (INSERT … SELECT, fresh ids) to BENCH_CAPACITY_ATTEMPTS
 * attempts, rebuilds the aggregates, VACUUM ANALYZE, and reports the bytes per row, per attempt, per
 * user and per quiz of every table, indexes included. Prints Markdown and writes it to
 * BENCH_CAPACITY_OUT_DIR (docs/bench)/capacity.md. A bench, not a test: it asserts nothing.
 */
const SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_CAPACITY_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CAPACITY_CONCURRENCY ?? 32);
// argon2 saturates the cores with a few sign-ins in flight; more clients would only queue.
const SIGN_IN_CONCURRENCY = Number(process.env.BENCH_CAPACITY_SIGN_IN_CONCURRENCY ?? 8);
const PLAYERS = Number(process.env.BENCH_CAPACITY_PLAYERS ?? 50);
const ATTEMPTS = Number(process.env.BENCH_CAPACITY_ATTEMPTS ?? 100_000);
const USERS = Number(process.env.BENCH_CAPACITY_USERS ?? 10_000);
const QUIZ_ROWS = Number(process.env.BENCH_CAPACITY_QUIZZES ?? 1_000);
const QUIZZES = 5;
const OUT_DIR = process.env.BENCH_CAPACITY_OUT_DIR ?? join(REPO_ROOT, 'docs/bench');
const PASSWORD = 'bench passphrase 1';

const log = benchLogger();

// ---------------------------------------------------------------------------------------------
// CPU time of process trees, from /proc.

/** Clock ticks per second of /proc's times (100 on Linux almost everywhere). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Every process's parent and CPU ticks: its own utime + stime, plus cutime + cstime of its children already reaped. */
function processTable(): Map<number, { ppid: number; ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
      table.set(Number(entry), { ppid: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime! });
    } catch {
      // Ended while listed.
    }
  }
  return table;
}

/**
 * CPU seconds of `root` and all its descendants. A child that ends moves its time into its parent's
 * cutime/cstime when reaped, so the sum stays whole across backends and helpers that come and go.
 */
function treeSeconds(table: Map<number, { ppid: number; ticks: number }>, root: number): number {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    ticks += table.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / CLK_TCK;
}

/** The whole machine's busy and total jiffies (/proc/stat), to show how saturated a run was. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idle! + iowait! };
}

// ---------------------------------------------------------------------------------------------
// The operations, as the SDK's documents spell them.

const document = async (name: string) =>
  (await readFile(join(REPO_ROOT, 'packages/sdk/operations', `${name}.graphql`), 'utf8'))
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();

type Context = { player?: number; attemptId?: string; questions?: Array<{ id: string; options: Array<{ id: string }> }> };

interface Operation {
  key: string;
  label: string;
  /** The SDK documents it sends. */
  documents: string;
  /** HTTP requests per operation (a play is a start and a submission). */
  httpRequests: number;
  connections: number;
  /** What it exercises beyond the router. */
  path: string;
  /** autocannon's request pipeline; `done` counts a finished operation, `fail` a failed request. */
  requests(done: () => void, fail: () => void): autocannon.Request[];
}

interface Round {
  ops: number;
  seconds: number;
  failed: number;
  times: number[];
  cpu: Record<ProcessKey, number>;
  machineBusy: number;
  connections: Record<string, { open: number; active: number }>;
}

const PROCESS_KEYS = ['router', 'users', 'quizzes', 'results', 'postgres', 'load generator'] as const;
type ProcessKey = (typeof PROCESS_KEYS)[number];
const SERVER_KEYS = ['router', 'users', 'quizzes', 'results', 'postgres'] as const;
type ServerKey = (typeof SERVER_KEYS)[number];
const IDLE_SECONDS = 3;

async function run(): Promise<string> {
  const stack = bench.processes;
  const routerUrl = stack.router.url.replace('localhost', '127.0.0.1');
  log(`processes: router ${stack.router.pid}, users ${stack.services.users.pid}, quizzes ${stack.services.quizzes.pid}, results ${stack.services.results.pid}`);
  const seeded = await seedThroughApi(routerUrl, bench.databases.users, { quizzes: QUIZZES, players: PLAYERS, password: PASSWORD });
  log(`seeded ${QUIZZES} quizzes, ${PLAYERS} players, ${PLAYERS * 3} attempts through the router`);
  const { quizzes, emails, tokens } = seeded;

  const admin = new pg.Client({ connectionString: bench.serverUrl });
  // Postgres stopping under it (after a failure) must not hide the failure behind an unhandled 'error'.
  admin.on('error', () => undefined);
  await admin.connect();
  // The postmaster is the parent of every backend, this one included: its process tree is Postgres's
  // CPU, when the server runs on this machine (a remote backend's pid means nothing here).
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(bench.serverUrl).hostname);
  const backend = (await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  const postmaster = local ? processTable().get(backend)?.ppid : undefined;
  const postgresVersion = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  const maxConnections = (await admin.query<{ v: string }>("SELECT current_setting('max_connections') AS v")).rows[0]!.v;
  const databaseNames = Object.fromEntries(Object.entries(bench.databases).map(([service, url]) => [service, new URL(url).pathname.slice(1)]));
  const pids: Record<ProcessKey, number | undefined> = {
    router: stack.router.pid,
    users: stack.services.users.pid,
    quizzes: stack.services.quizzes.pid,
    results: stack.services.results.pid,
    postgres: postmaster,
    'load generator': undefined,
  };

  const operations = await buildOperations(quizzes, emails, tokens);
  for (const op of operations) await checkOperation(routerUrl, op, quizzes, tokens);

  // Server connections per service database (open, and running a statement), sampled while the load runs.
  let peaks: Record<string, { open: number; active: number }> = {};
  let sampling = false;
  const sampler = setInterval(() => {
    if (sampling) return;
    sampling = true;
    admin
      .query<{ datname: string; open: string; active: string }>(
        `SELECT datname, count(*) AS open, count(*) FILTER (WHERE state = 'active') AS active
         FROM pg_stat_activity WHERE datname = ANY($1) GROUP BY datname`,
        [Object.values(databaseNames)],
      )
      .then(({ rows }) => {
        for (const row of rows) {
          const peak = peaks[row.datname] ?? { open: 0, active: 0 };
          peaks[row.datname] = { open: Math.max(peak.open, Number(row.open)), active: Math.max(peak.active, Number(row.active)) };
        }
      })
      .catch(() => undefined)
      .finally(() => (sampling = false));
  }, 200);

  const serverSeconds = () => {
    const table = processTable();
    return SERVER_KEYS.reduce((sum, key) => sum + (pids[key] === undefined ? 0 : treeSeconds(table, pids[key]!)), 0);
  };
  /**
   * Until the servers are idle (under a tenth of a core for 300 ms): work queued by the previous run
   * (a sign-in waiting for argon2 after its client left) must not be counted against the next one.
   */
  const quiet = async () => {
    for (let waited = 0; waited < 60_000; waited += 300) {
      const before = serverSeconds();
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (serverSeconds() - before < 0.03) return;
    }
    log('the servers did not go idle within 60 s; measuring anyway');
  };

  /**
   * One steady-state measurement: autocannon runs LEAD_IN + seconds + TAIL; only the middle `seconds`
   * count (operations finished, CPU, latencies), so that neither the ramp-up nor the requests cut off at
   * the end skew the CPU per operation.
   */
  const LEAD_IN = 1;
  const TAIL = 0.5;
  const drive = async (op: Operation, seconds: number): Promise<Round> => {
    await quiet();
    let counting = false;
    let ops = 0;
    let failed = 0;
    const times: number[] = [];
    let window: Omit<Round, 'ops' | 'failed' | 'times' | 'connections'> | undefined;
    const measured = new Promise<void>((resolve) =>
      setTimeout(() => {
        const before = processTable();
        const machineBefore = machineTicks();
        const ownBefore = process.cpuUsage();
        const begun = performance.now();
        peaks = {};
        counting = true;
        setTimeout(() => {
          counting = false;
          const elapsed = (performance.now() - begun) / 1000;
          const own = process.cpuUsage(ownBefore);
          const after = processTable();
          const machineAfter = machineTicks();
          const cpu = Object.fromEntries(
            PROCESS_KEYS.map((key) => [
              key,
              key === 'load generator'
                ? (own.user + own.system) / 1e6
                : pids[key] === undefined
                  ? NaN
                  : treeSeconds(after, pids[key]!) - treeSeconds(before, pids[key]!),
            ]),
          ) as Record<ProcessKey, number>;
          window = { seconds: elapsed, cpu, machineBusy: (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total) };
          resolve();
        }, seconds * 1000);
      }, LEAD_IN * 1000),
    );
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: routerUrl,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          requests: op.requests(
            () => {
              if (counting) ops += 1;
            },
            () => {
              if (counting) failed += 1;
            },
          ),
          connections: op.connections,
          duration: LEAD_IN + seconds + TAIL,
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        if (counting) times.push(responseTime);
      });
    });
    await measured;
    return {
      ...window!,
      ops,
      // Connection errors and timeouts of the whole run: any is a failure worth seeing.
      failed: failed + result.errors + result.timeouts,
      times,
      connections: Object.fromEntries(Object.entries(databaseNames).map(([service, name]) => [service, peaks[name] ?? { open: 0, active: 0 }])),
    };
  };

  // Warm-up: every path compiled, every pool opened, before anything counts.
  for (const op of operations) await drive(op, 1);
  // What each process spends with no request at all (timers, the outbox relay's polling, Postgres's
  // background workers): a cost per replica, not per operation, taken off the runs' CPU below.
  await quiet();
  const idleTable = processTable();
  const idleBegun = performance.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const idleSeconds = (performance.now() - idleBegun) / 1000;
  const idleAfter = processTable();
  const idle = Object.fromEntries(
    SERVER_KEYS.map((key) => [key, pids[key] === undefined ? 0 : (treeSeconds(idleAfter, pids[key]!) - treeSeconds(idleTable, pids[key]!)) / idleSeconds]),
  ) as Record<ServerKey, number>;
  log(`warm; measuring ${ROUNDS} rounds × ${SECONDS} s per operation, ${CONCURRENCY} clients (sign-ins ${SIGN_IN_CONCURRENCY})`);
  const rounds = new Map<string, Round[]>(operations.map((op) => [op.key, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    // Interleaved: a noisy moment of this shared machine hits every operation alike.
    for (const op of operations) rounds.get(op.key)!.push(await drive(op, SECONDS));
    log(`round ${round}/${ROUNDS} done`);
  }
  clearInterval(sampler);
  while (sampling) await new Promise((resolve) => setTimeout(resolve, 50));

  const loadSections = reportLoad(operations, rounds, pids, idle);
  log('load measured; growing the data');
  const storageSections = await measureStorage();
  await admin.end();

  const header = [
    '# Capacity bench',
    '',
    `\`pnpm bench:capacity\` on ${new Date().toISOString().slice(0, 10)}, commit \`${commitHash()}\`, ${machineDescription()},`,
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB of memory, Postgres ${postgresVersion} (${bench.embedded ? 'embedded' : "TEST_POSTGRES_URL's server: its CPU is the whole server's, anyone else's work on it included"}, \`max_connections\` ${maxConnections}).`,
    'The router, the three subgraphs, Postgres and autocannon (the load generator, in the bench process) all share',
    'these cores, over loopback: no network latency. CPU seconds are read from `/proc/<pid>/stat` (utime + stime of',
    "each process and its children: the users service's password-hashing helper, Postgres's backends), so they",
    'count the work each process did whatever else ran on the machine; requests per second are what this',
    'one machine reached with everything on it.',
    '',
    `Parameters: ${ROUNDS} interleaved rounds of ${SECONDS} s per operation (medians), ${CONCURRENCY} concurrent clients`,
    `(sign-ins ${SIGN_IN_CONCURRENCY}), ${PLAYERS} players each with an access token of their own (so the router merges`,
    `nothing), ${QUIZZES} published quizzes of 5 single-choice questions with 3 options; data grown to ${ATTEMPTS.toLocaleString('en')}`,
    `attempts, ${USERS.toLocaleString('en')} users and ${QUIZ_ROWS.toLocaleString('en')} quizzes for the sizes. Processes log warnings only.`,
  ].join('\n');
  const body = [...loadSections, ...storageSections].join('\n\n');
  console.log(`\n${body}\n`);
  return `${header}\n\n${body}\n`;

  /** Sizes: API-made rows, then copies of them, then VACUUM ANALYZE and pg_total_relation_size per table. */
  async function measureStorage(): Promise<string[]> {
    const db = Object.fromEntries(
      await Promise.all(
        Object.entries(bench.databases).map(async ([service, url]) => {
          const client = new pg.Client({ connectionString: url });
          client.on('error', () => undefined);
          await client.connect();
          return [service, client] as const;
        }),
      ),
    ) as Record<'users' | 'quizzes' | 'results', pg.Client>;
    const count = async (client: pg.Client, table: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
    const apiAttempts = await count(db.results, 'Attempt');
    const apiOutbox = await count(db.results, 'OutboxEvent');
    const apiUsers = await count(db.users, 'User');
    const apiSessions = await count(db.users, 'Session');
    const apiQuizzes = await count(db.quizzes, 'Quiz');

    // Copy k of an attempt: a new player (derived from the original and k) on a day k days back (mod 60).
    const copies = Math.max(0, Math.ceil(ATTEMPTS / apiAttempts) - 1);
    const id = (column: string) => `md5(${column}::text || ':' || k)::uuid`;
    const days = `make_interval(days => k % 60)`;
    await copyRows(db.results, 'Attempt', copies, {
      id: id('id'),
      userId: id('"userId"'),
      startedAt: `"startedAt" - ${days}`,
      submittedAt: `"submittedAt" - ${days}`,
      deadline: `deadline - ${days}`,
    });
    await copyRows(db.results, 'AttemptAnswer', copies, { attemptId: id('"attemptId"') });
    await db.results.query('ANALYZE');
    const rebuildStarted = performance.now();
    await rebuildAggregates(db.results);
    log(
      `results: ${apiAttempts} API-made attempts copied ${copies} times, aggregates rebuilt in ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s`,
    );

    const userCopies = Math.max(0, Math.ceil(USERS / apiUsers) - 1);
    await copyRows(db.users, 'User', userCopies, { id: id('id'), email: `'copy' || k || '.' || email` });
    await copyRows(db.users, 'Session', userCopies, { id: id('id'), userId: id('"userId"') });
    await copyRows(db.users, 'RefreshToken', userCopies, { id: id('id'), sessionId: id('"sessionId"'), tokenHash: `md5("tokenHash" || ':' || k)` });
    const quizCopies = Math.max(0, Math.ceil(QUIZ_ROWS / apiQuizzes) - 1);
    await copyRows(db.quizzes, 'Quiz', quizCopies, { id: id('id'), idempotencyKey: `"idempotencyKey" || ':' || k` });
    await copyRows(db.quizzes, 'QuizVersion', quizCopies, { quizId: id('"quizId"') });
    await copyRows(db.quizzes, 'Question', quizCopies, { id: id('id'), quizId: id('"quizId"') });
    for (const client of Object.values(db)) await client.query('VACUUM ANALYZE');
    log('users and quizzes grown; vacuumed');

    const attempts = await count(db.results, 'Attempt');
    const users = await count(db.users, 'User');
    const sessions = await count(db.users, 'Session');
    const quizRows = await count(db.quizzes, 'Quiz');
    const questionRows = await count(db.quizzes, 'Question');
    const sections: string[] = [];

    // results: everything per attempt, the outbox by its API-made ratio (its rows are not copied).
    const resultsTables = await tableSizes(db.results);
    const resultsDatabase = await databaseSize(db.results);
    const perAttempt = (t: TableSize) => (t.name === 'OutboxEvent' ? (t.bytes / Math.max(1, t.rows)) * (apiOutbox / apiAttempts) : t.bytes / attempts);
    const resultsTotal = resultsTables.reduce((sum, t) => sum + perAttempt(t), 0);
    sections.push(
      [
        `### 5. Results database: bytes per attempt (${attempts.toLocaleString('en')} attempts)`,
        '',
        `${apiAttempts.toLocaleString('en')} attempts made through the API (the seed's and the load's plays), copied ${copies} times`,
        `(fresh ids; copy k is a new player on a day k mod 60 days back), then every aggregate rebuilt from them`,
        '(`rebuildAggregates`, what the submissions maintain), then `VACUUM ANALYZE`. Sizes are',
        '`pg_total_relation_size` (heap, TOAST and indexes). Board and statistics rows depend on players × quizzes',
        '× periods rather than on attempts: their "per attempt" holds for this mix; the bytes per row carry over.',
        `The outbox's rows are not copied: its rows per attempt are the API-made ratio (${apiOutbox} rows for ${apiAttempts} attempts).`,
        '',
        '| table | rows | heap MB | indexes MB | total MB | bytes per row | rows per attempt | bytes per attempt |',
        '|---|---|---|---|---|---|---|---|',
        ...resultsTables.map((t) => sizeRow(t, t.name === 'OutboxEvent' ? apiOutbox / apiAttempts : t.rows / attempts, perAttempt(t))),
        `| **all tables** | | | | ${fmt(resultsTables.reduce((s, t) => s + t.bytes, 0) / 1e6)} | | | **${fmt(resultsTotal, 0)}** |`,
        '',
        `Whole database (\`pg_database_size\`, catalogs included): ${fmt(resultsDatabase / 1e6)} MB, ${fmt(resultsDatabase / attempts, 0)} bytes per attempt.`,
        `**Per million attempts: ${fmt((resultsTotal * 1e6) / 1e9, 2)} GB** (tables and indexes, this mix), of which \`Attempt\` and`,
        `\`AttemptAnswer\` (5 answers per attempt) ${fmt((resultsTables.filter((t) => t.name.startsWith('Attempt')).reduce((s, t) => s + perAttempt(t), 0) * 1e6) / 1e9, 2)} GB.`,
      ].join('\n'),
    );

    const usersTables = await tableSizes(db.users);
    const quizzesTables = await tableSizes(db.quizzes);
    const userBytes = usersTables.find((t) => t.name === 'User')!.bytes;
    const sessionBytes = usersTables.filter((t) => t.name === 'Session' || t.name === 'RefreshToken').reduce((s, t) => s + t.bytes, 0);
    const quizBytes = quizzesTables.filter((t) => ['Quiz', 'QuizVersion', 'Question'].includes(t.name)).reduce((s, t) => s + t.bytes, 0);
    sections.push(
      [
        `### 6. Users and quizzes databases: bytes per user, per session, per quiz`,
        '',
        `${apiUsers} users with ${apiSessions} sessions made through the API (every sign-in opens a session with a refresh`,
        `token), copied ${userCopies} times; ${apiQuizzes} quizzes (5 questions each) copied ${quizCopies} times; then \`VACUUM ANALYZE\`.`,
        '',
        '| database | table | rows | heap MB | indexes MB | total MB | bytes per row |',
        '|---|---|---|---|---|---|---|',
        ...usersTables.map((t) => `| users ${sizeRow(t)}`),
        ...quizzesTables.map((t) => `| quizzes ${sizeRow(t)}`),
        '',
        `- **Per user** (the \`User\` row and its indexes): ${fmt(userBytes / users, 0)} bytes; **per session** (\`Session\` and its`,
        `  \`RefreshToken\`, as each sign-in writes them): ${fmt(sessionBytes / sessions, 0)} bytes (${fmt(sessions / users, 1)} sessions per user here).`,
        `- **Per quiz** of 5 questions (\`Quiz\`, \`QuizVersion\`, \`Question\`): ${fmt(quizBytes / quizRows, 0)} bytes, ${fmt(quizBytes / questionRows, 0)} bytes per question.`,
      ].join('\n'),
    );
    await Promise.all(Object.values(db).map((client) => client.end()));
    return sections;
  }
}

/** `INSERT INTO table SELECT …` of every row `copies` times (k = 1…copies), with `overrides` for some columns; generated columns left out. */
async function copyRows(client: pg.Client, table: string, copies: number, overrides: Record<string, string>): Promise<void> {
  if (copies === 0) return;
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  const columns = rows.map((r) => r.column_name);
  for (const name of Object.keys(overrides)) if (!columns.includes(name)) throw new Error(`copyRows: ${table} has no column ${name}`);
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  const values = columns.map((c) => overrides[c] ?? `"${c}"`).join(', ');
  // Only the rows there before the copy: the series is joined once against a snapshot of the table.
  await client.query(`INSERT INTO "${table}" (${quoted}) SELECT ${values} FROM "${table}" CROSS JOIN generate_series(1, $1) AS k`, [copies]);
}

interface TableSize {
  name: string;
  rows: number;
  heap: number;
  indexes: number;
  bytes: number;
}

async function tableSizes(client: pg.Client): Promise<TableSize[]> {
  const { rows } = await client.query<{ name: string; heap: string; indexes: string; bytes: string }>(
    `SELECT c.relname AS name, pg_relation_size(c.oid) AS heap, pg_indexes_size(c.oid) AS indexes, pg_total_relation_size(c.oid) AS bytes
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE '\\_prisma%'
     ORDER BY pg_total_relation_size(c.oid) DESC, c.relname`,
  );
  const sizes: TableSize[] = [];
  for (const row of rows) {
    const count = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${row.name}"`)).rows[0]!.n);
    sizes.push({ name: row.name, rows: count, heap: Number(row.heap), indexes: Number(row.indexes), bytes: Number(row.bytes) });
  }
  return sizes;
}

const databaseSize = async (client: pg.Client) => Number((await client.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n);

const sizeRow = (t: TableSize, rowsPerAttempt?: number, bytesPerAttempt?: number) =>
  `| \`${t.name}\` | ${t.rows.toLocaleString('en')} | ${fmt(t.heap / 1e6, 2)} | ${fmt(t.indexes / 1e6, 2)} | ${fmt(t.bytes / 1e6, 2)} | ${t.rows ? fmt(t.bytes / t.rows, 0) : '–'} |` +
  (rowsPerAttempt === undefined ? '' : ` ${fmt(rowsPerAttempt, 3)} | ${fmt(bytesPerAttempt!, 0)} |`);

/** The main operations of a player's session, each as the SDK sends it, with a different player's token on each request. */
async function buildOperations(quizzes: SeededQuiz[], emails: string[], tokens: string[]): Promise<Operation[]> {
  const [login, browse, take, start, submit, board, me] = (await Promise.all(
    ['Login', 'BrowseQuizzes', 'TakeAQuiz', 'StartAttempt', 'SubmitAttempt', 'QuizPage', 'Me'].map(document),
  )) as [string, string, string, string, string, string, string];
  let turn = 0;
  const next = () => turn++;
  const bearer = (player: number) => ({ authorization: `Bearer ${tokens[player % tokens.length]}` });
  /** A request that counts as one operation when it answers data without errors. */
  const single =
    (body: (n: number) => string, headers: (n: number) => Record<string, string> = bearer) =>
    (done: () => void, fail: () => void) => [
      {
        setupRequest: (request: autocannon.Request) => {
          const n = next();
          return { ...request, headers: { ...request.headers, ...headers(n) }, body: body(n) };
        },
        onResponse: (status: number, text: string) => (status === 200 && !text.includes('"errors"') ? done() : fail()),
      },
    ];
  const json = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  return [
    {
      key: 'signIn',
      label: 'sign-in (`Login`)',
      documents: 'Login',
      httpRequests: 1,
      connections: SIGN_IN_CONCURRENCY,
      path: 'users (argon2 in its helper process)',
      requests: single(
        (n) => json(login, { email: emails[n % emails.length], password: PASSWORD }),
        () => ({}),
      ),
    },
    {
      key: 'browse',
      label: 'quizzes page (`BrowseQuizzes`, 20)',
      documents: 'BrowseQuizzes',
      httpRequests: 1,
      connections: CONCURRENCY,
      path: 'quizzes',
      requests: single(() => json(browse, { first: 20 })),
    },
    {
      key: 'take',
      label: 'one quiz with its questions (`TakeAQuiz`)',
      documents: 'TakeAQuiz',
      httpRequests: 1,
      connections: CONCURRENCY,
      path: 'quizzes',
      requests: single((n) => json(take, { id: quizzes[n % quizzes.length]!.id })),
    },
    {
      key: 'play',
      label: 'play: start + submit (`StartAttempt`, `SubmitAttempt`)',
      documents: 'StartAttempt, SubmitAttempt',
      httpRequests: 2,
      connections: CONCURRENCY,
      path: 'results → quizzes (answer key, 304 while unchanged)',
      requests: (done, fail) => [
        {
          setupRequest: (request, context) => {
            const ctx = context as Context;
            // Players in turn: with more players than clients, two clients rarely play as the same player at once.
            ctx.player = next();
            const quiz = quizzes[ctx.player % quizzes.length]!;
            return { ...request, headers: { ...request.headers, ...bearer(ctx.player) }, body: json(start, { quizId: quiz.id }) };
          },
          onResponse: (status, text, context) => {
            const ctx = context as Context;
            const attempt = status === 200 && !text.includes('"errors"') ? JSON.parse(text).data?.startAttempt : undefined;
            if (!attempt) fail();
            ctx.attemptId = attempt?.id;
            ctx.questions = attempt?.questions;
          },
        },
        {
          setupRequest: (request, context) => {
            const ctx = context as Context;
            // Some right, some wrong: scores spread over the board (the first option is the right one).
            const answers = (ctx.questions ?? []).map((q, k) => ({ questionId: q.id, optionIds: [q.options[(ctx.player! + k) % 3 === 0 ? 1 : 0]!.id] }));
            return {
              ...request,
              headers: { ...request.headers, ...bearer(ctx.player!) },
              // A failed start still sends a submission (autocannon's pipeline goes on): it fails too, and counts as failed.
              body: json(submit, { attemptId: ctx.attemptId ?? '00000000-0000-4000-8000-000000000000', answers }),
            };
          },
          onResponse: (status, text) => (status === 200 && !text.includes('"errors"') ? done() : fail()),
        },
      ],
    },
    {
      key: 'leaderboard',
      label: "a quiz's leaderboard with names and title (`QuizPage`)",
      documents: 'QuizPage',
      httpRequests: 1,
      connections: CONCURRENCY,
      path: 'quizzes → results → users',
      requests: single((n) => json(board, { id: quizzes[n % quizzes.length]!.id })),
    },
    {
      key: 'me',
      label: 'own account and sessions (`Me`)',
      documents: 'Me',
      httpRequests: 1,
      connections: CONCURRENCY,
      path: 'users',
      requests: single(() => JSON.stringify({ query: me })),
    },
  ];
}

/** Each operation answered once with data and no errors, so the load measures real answers. */
async function checkOperation(routerUrl: string, op: Operation, quizzes: SeededQuiz[], tokens: string[]): Promise<void> {
  const target = { name: op.key, url: routerUrl, headers: () => ({ authorization: `Bearer ${tokens[0]}` }) };
  if (op.key === 'signIn')
    return check({ ...target, headers: () => ({}) }, await document('Login'), { email: 'player1@bench.quizgraph.dev', password: PASSWORD });
  if (op.key === 'play') return; // the load itself counts a failed start or submission
  const variables: Record<string, Record<string, unknown>> = {
    browse: { first: 20 },
    take: { id: quizzes[0]!.id },
    leaderboard: { id: quizzes[0]!.id },
    me: {},
  };
  const name = { browse: 'BrowseQuizzes', take: 'TakeAQuiz', leaderboard: 'QuizPage', me: 'Me' }[op.key]!;
  await check(target, await document(name), variables[op.key]);
}

function reportLoad(
  operations: Operation[],
  rounds: Map<string, Round[]>,
  pids: Record<ProcessKey, number | undefined>,
  idle: Record<ServerKey, number>,
): string[] {
  const per = (op: Operation, f: (r: Round) => number) => median(rounds.get(op.key)!.map(f));
  const opsPerSecond = (r: Round) => r.ops / r.seconds;
  /** CPU seconds of the run beyond what the process spends idle. */
  const busy = (key: ProcessKey, r: Round) => Math.max(0, r.cpu[key] - (key === 'load generator' ? 0 : idle[key]) * r.seconds);
  const cpuMs = (key: ProcessKey) => (r: Round) => (1000 * busy(key, r)) / Math.max(1, r.ops);
  const perCore = (key: ProcessKey) => (r: Round) => r.ops / busy(key, r);
  const serverCpuMs = (r: Round) => SERVER_KEYS.reduce((sum, key) => sum + (Number.isFinite(r.cpu[key]) ? cpuMs(key)(r) : 0), 0);
  const shown = SERVER_KEYS.filter((key) => pids[key] !== undefined);
  /** A process with under 3 % of an operation's CPU is not on its path: its figure would be noise. */
  const onPath = (op: Operation, key: ServerKey) => per(op, cpuMs(key)) >= 0.03 * per(op, serverCpuMs);

  const throughput = [
    '### 1. Throughput',
    '',
    '| operation | documents | HTTP requests | path | clients | operations/s | p50 ms | p95 ms | failed | machine CPU busy |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...operations.map((op) => {
      const all = rounds.get(op.key)!;
      const times = all.flatMap((r) => r.times).sort((a, b) => a - b);
      return `| ${op.label} | ${op.documents} | ${op.httpRequests} | ${op.path} | ${op.connections} | ${fmt(per(op, opsPerSecond), 1)} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} | ${all.reduce((s, r) => s + r.failed, 0)} | ${fmt(100 * per(op, (r) => r.machineBusy), 0)} % |`;
    }),
    '',
    'Latencies are per HTTP request (a play has two), over every round; operations/s is the median of the rounds.',
  ].join('\n');

  const cost = [
    '### 2. CPU milliseconds per operation',
    '',
    "Each process's CPU time during the round, less what it spends idle, ÷ the operations done in it (median of rounds).",
    `The load generator is autocannon in the bench process.${pids.postgres === undefined ? " Postgres's processes are not on this machine (or not readable): not counted." : ''}`,
    `Idle, with no request, over ${IDLE_SECONDS} s: ${shown.map((key) => `${key} ${fmt(100 * idle[key], 1)} %`).join(', ')} of a core (timers, outbox relays`,
    "polling, Postgres's background workers): a cost per replica, not per operation.",
    '',
    `| operation | ${shown.join(' | ')} | all servers | load generator | most CPU in |`,
    `|---|${shown.map(() => '---|').join('')}---|---|---|`,
    ...operations.map((op) => {
      const costs = shown.map((key) => per(op, cpuMs(key)));
      const top = shown[costs.indexOf(Math.max(...costs))]!;
      return `| ${op.label} | ${costs.map((c) => fmt(c, 2)).join(' | ')} | ${fmt(per(op, serverCpuMs), 2)} | ${fmt(per(op, cpuMs('load generator')), 2)} | ${top} |`;
    }),
  ].join('\n');

  const cores = [
    '### 3. Operations per second per core',
    '',
    'Operations ÷ CPU-seconds of that process (idle time taken off): how many of this operation one fully busy core of it',
    "serves. '–' where the process did under 3 % of the operation's work (not on its path: the figure would be noise).",
    '"whole stack" is the operation ÷ all server processes\' CPU together: the operations one core serves when it runs everything.',
    '',
    `| operation | ${shown.join(' | ')} | whole stack |`,
    `|---|${shown.map(() => '---|').join('')}---|`,
    ...operations.map(
      (op) =>
        `| ${op.label} | ${shown.map((key) => (onPath(op, key) ? fmt(per(op, perCore(key)), 0) : '–')).join(' | ')} | ${fmt(
          per(op, (r) => 1000 / serverCpuMs(r)),
          0,
        )} |`,
    ),
  ].join('\n');

  const connections = [
    '### 4. Connections',
    '',
    `Each subgraph replica opens at most ${REQUEST_POOL_SIZE} connections for requests and ${RELAY_POOL_SIZE} for its outbox relay`,
    `(\`REQUEST_POOL_SIZE\`, \`RELAY_POOL_SIZE\` in \`prisma/src/pool.ts\`): **${REQUEST_POOL_SIZE + RELAY_POOL_SIZE} per replica**. The router holds none. Peak server`,
    'connections of each service database (`pg_stat_activity`, sampled every 200 ms) while each operation ran, one replica',
    'of each service: open (idle ones included: a pool keeps a connection 10 s after its last use), and running a statement:',
    '',
    '| operation | users open (active) | quizzes open (active) | results open (active) |',
    '|---|---|---|---|',
    ...operations.map((op) => {
      const peak = (service: string) => {
        const all = rounds.get(op.key)!.map((r) => r.connections[service] ?? { open: 0, active: 0 });
        return `${Math.max(...all.map((c) => c.open))} (${Math.max(...all.map((c) => c.active))})`;
      };
      return `| ${op.label} | ${peak('users')} | ${peak('quizzes')} | ${peak('results')} |`;
    }),
  ].join('\n');
  return [throughput, cost, cores, connections];
}

// ---------------------------------------------------------------------------------------------

const bench = await startBenchStack('capacity');
try {
  const markdown = await run();
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(join(OUT_DIR, 'capacity.md'), markdown);
  log(`wrote ${relative(process.cwd(), join(OUT_DIR, 'capacity.md'))}`);
} finally {
  await bench.stop();
}
