import { prepareServiceDatabases, startEmbeddedPostgres } from '@quizgraph/prisma';
import { rebuildAggregates } from '@quizgraph/results/rebuild';
import { graphqlData, graphqlRequest, issueAccessToken, loadOrCreateDevKeyRing } from '@quizgraph/service-kit';
import { setRoleByEmail } from '@quizgraph/users/admin';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startStack } from '../src/stack.js';

/**
 * `pnpm bench`: does reading results cost the same with ten thousand attempts as with a million?
 *
 * For each size N it seeds N synthetic attempts (one INSERT … SELECT over generate_series, spread over
 * N/20 players, 20 quizzes and the last 60 days), rebuilds every aggregate the submissions maintain,
 * then times the main reads through the router (p50/p95 over interleaved rounds) and counts the SQL
 * statements each costs the results service. Then 20 concurrent players record attempts for a few
 * seconds: with submitQuiz, with submitAttempt (of attempts opened before) and with both steps.
 * Sizes: BENCH_SIZES (default 10000,1000000; `--huge` adds 10000000). Uses TEST_POSTGRES_URL when set.
 */
const huge = process.argv.includes('--huge');
const SIZES = (process.env.BENCH_SIZES ?? `10000,1000000${huge ? ',10000000' : ''}`).split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const QUIZZES = 20;
const SUBMIT_SECONDS = Number(process.env.BENCH_SUBMIT_SECONDS ?? 5);
const SUBMITTERS = 20;

const dir = await mkdtemp(join(tmpdir(), 'quizgraph-bench-'));
const server = process.env.TEST_POSTGRES_URL ? undefined : await startEmbeddedPostgres({ dir: join(dir, 'pg'), port: 0 });
const serverUrl = process.env.TEST_POSTGRES_URL ?? server!.adminUrl;
const keysDir = join(dir, 'keys');
const databases = await prepareServiceDatabases(serverUrl, `quizgraph_bench_${Date.now()}`);
const stack = await startStack({ databases, keysDir, ports: { router: 0, users: 0, quizzes: 0, results: 0 }, logLevel: 'silent' });
const accessKeys = await loadOrCreateDevKeyRing(keysDir, 'access');
const tokenFor = (userId: string) => issueAccessToken(accessKeys.signing, { userId, role: 'PLAYER' }, 3600).token;
const results = new pg.Client({ connectionString: databases.results });
const users = new pg.Client({ connectionString: databases.users });
await Promise.all([results.connect(), users.connect()]);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** An author and QUIZZES published quizzes of five single-choice questions, through the API. */
async function createQuizzes(): Promise<Array<{ id: string; questions: Array<{ id: string; right: string }> }>> {
  const email = `bench-author-${randomUUID()}@bench.quizgraph.dev`;
  await graphqlData(
    stack.router.url,
    `mutation ($e: String!) { register(email: $e, password: "bench passphrase 1", displayName: "Bench Author") { user { id } } }`,
    {
      variables: { e: email },
    },
  );
  await setRoleByEmail(databases.users, email, 'AUTHOR');
  const { login } = await graphqlData(stack.router.url, `mutation ($e: String!) { login(email: $e, password: "bench passphrase 1") { accessToken } }`, {
    variables: { e: email },
  });
  const quizzes = [];
  for (let i = 0; i < QUIZZES; i++) {
    const { createQuiz } = await graphqlData(stack.router.url, `mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id } }`, {
      accessToken: login.accessToken,
      variables: {
        input: {
          title: `Bench quiz ${i + 1}`,
          questions: Array.from({ length: 5 }, (_, q) => ({ prompt: `Question ${q + 1}`, options: [{ label: 'right', correct: true }, { label: 'wrong' }] })),
        },
      },
    });
    await graphqlData(stack.router.url, `mutation ($id: ID!) { publishQuiz(id: $id) { id } }`, {
      accessToken: login.accessToken,
      variables: { id: createQuiz.id },
    });
    const { quiz } = await graphqlData(stack.router.url, `query ($id: ID!) { quiz(id: $id) { questions { id options { id label } } } }`, {
      variables: { id: createQuiz.id },
    });
    quizzes.push({
      id: createQuiz.id as string,
      questions: quiz.questions.map((q: { id: string; options: Array<{ id: string; label: string }> }) => ({
        id: q.id,
        right: q.options.find((o) => o.label === 'right')!.id,
      })),
    });
  }
  return quizzes;
}

/** N attempts over N/20 players (also created in the users database, so names resolve), 20 quizzes and 60 days. */
async function seed(size: number, quizIds: string[]): Promise<string[]> {
  const players = Math.max(10, Math.round(size / 20));
  await results.query('TRUNCATE "Attempt", "AttemptAnswer", "BoardEntry", "BoardCount", "PlayerStats", "QuizTally", "QuestionStats", "OptionChoice"');
  await users.query(`DELETE FROM "User" WHERE email LIKE '%@synthetic.bench'`);
  const { rows } = await users.query<{ id: string }>(
    `INSERT INTO "User" (id, email, "passwordHash", "displayName", "updatedAt")
     SELECT gen_random_uuid(), 'player' || g || '@synthetic.bench', 'not a hash', 'Player ' || g, now() FROM generate_series(1, $1) g
     RETURNING id`,
    [players],
  );
  const playerIds = rows.map((r) => r.id);
  await results.query(
    `INSERT INTO "Attempt" (id, "userId", "quizId", "quizVersion", status, number, settings, score, "maxScore", "correctCount",
                            "questionCount", "timeTakenMs", "startedAt", "submittedAt")
     SELECT gen_random_uuid(), u, q, 1, 'SUBMITTED', row_number() OVER (PARTITION BY u, q ORDER BY t), '{}'::jsonb,
            right_answers, 5, right_answers, 5, taken, t - make_interval(secs => taken / 1000.0), t
     FROM (SELECT ($1::uuid[])[1 + floor(random() * $2)::int] AS u, ($3::uuid[])[1 + floor(random() * $4)::int] AS q,
                  floor(random() * 6)::int AS right_answers, (1000 + floor(random() * 300000))::int AS taken,
                  now() - random() * interval '60 days' AS t
           FROM generate_series(1, $5)) s`,
    [playerIds, playerIds.length, quizIds, quizIds.length, size],
  );
  await results.query('ANALYZE "Attempt"');
  await rebuildAggregates(results);
  await results.query('ANALYZE');
  return playerIds;
}

interface Operation {
  name: string;
  query: string;
  token?: string;
}

async function timeAll(operations: Operation[]): Promise<Map<string, { p50: number; p95: number; statements: number }>> {
  const samples = new Map<string, number[]>(operations.map((op) => [op.name, []]));
  const statements = new Map<string, number>();
  for (const op of operations) {
    // Warm-up, and the statements one request costs the results service.
    const before = stack.services.results.sqlStatements();
    const response = await graphqlRequest(stack.router.url, op.query, op.token ? { accessToken: op.token } : {});
    if (response.errors?.length) throw new Error(`${op.name}: ${response.errors.map((e) => e.message).join('; ')}`);
    statements.set(op.name, stack.services.results.sqlStatements() - before);
  }
  // Interleaved rounds, so a noisy moment of this shared machine hits every operation alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const op of operations) {
      const start = performance.now();
      await graphqlRequest(stack.router.url, op.query, op.token ? { accessToken: op.token } : {});
      samples.get(op.name)!.push(performance.now() - start);
    }
  }
  return new Map(
    operations.map((op) => {
      const sorted = samples.get(op.name)!.sort((a, b) => a - b);
      return [op.name, { p50: percentile(sorted, 50), p95: percentile(sorted, 95), statements: statements.get(op.name)! }];
    }),
  );
}

/** The cursor after the entry in the middle of the global board: what a client holds deep in the list. */
async function middleCursor(): Promise<string> {
  const total = (await graphqlData(stack.router.url, '{ leaderboard(first: 0) { totalCount } }')).leaderboard.totalCount as number;
  let after: string | null = null;
  let seen = 0;
  while (seen < total / 2) {
    const page: { leaderboard: { edges: Array<{ cursor: string }> } } = await graphqlData(
      stack.router.url,
      `query ($after: String) { leaderboard(first: 100, after: $after) { edges { cursor } } }`,
      { variables: { after } },
    );
    if (page.leaderboard.edges.length === 0) break;
    after = page.leaderboard.edges.at(-1)!.cursor;
    seen += page.leaderboard.edges.length;
  }
  return after!;
}

type BenchQuiz = Awaited<ReturnType<typeof createQuizzes>>[number];
const SUBMIT_QUIZ = `mutation ($q: ID!, $a: [AnswerInput!]!) { submitQuiz(quizId: $q, answers: $a) { id score } }`;
const START = `mutation ($q: ID!) { startAttempt(quizId: $q) { id } }`;
const SUBMIT_ATTEMPT = `mutation ($id: ID!, $a: [AnswerInput!]!, $k: String) { submitAttempt(attemptId: $id, answers: $a, idempotencyKey: $k) { id score } }`;

async function mutate(query: string, token: string, variables: Record<string, unknown>): Promise<Record<string, { id: string }>> {
  const response = await graphqlRequest(stack.router.url, query, { accessToken: token, variables });
  if (response.errors?.length) throw new Error(`${query.split('(')[0]}: ${response.errors[0]!.message}`);
  return response.data as Record<string, { id: string }>;
}

const rightAnswers = (quiz: BenchQuiz) => quiz.questions.map((q) => ({ questionId: q.id, optionIds: [q.right] }));

/** One way to record an attempt: `submitQuiz` in one call, `submitAttempt` of an attempt started before, or both steps. */
interface SubmitFlow {
  name: string;
  /** Ready to run `count` times for player `userId`. */
  prepare?(userId: string, count: number): Promise<void>;
  run(token: string, quiz: BenchQuiz, userId: string): Promise<void>;
}

/** Attempts opened ahead by SQL (as startAttempt writes them: untimed, settings read from the key), per player. */
const opened = new Map<string, Array<{ id: string; quizId: string }>>();

const SUBMIT_FLOWS = (quizzes: BenchQuiz[]): SubmitFlow[] => [
  { name: 'submitQuiz', run: async (token, quiz) => void (await mutate(SUBMIT_QUIZ, token, { q: quiz.id, a: rightAnswers(quiz) })) },
  {
    name: 'submitAttempt (started before)',
    async prepare(userId, count) {
      const { rows } = await results.query<{ id: string; quizId: string }>(
        `INSERT INTO "Attempt" (id, "userId", "quizId", "quizVersion", status, number, settings, "maxScore", "questionCount", "startedAt")
         SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[1 + g % $3], 1, 'IN_PROGRESS',
                coalesce((SELECT max(number) FROM "Attempt" WHERE "userId" = $1::uuid), 0) + g, '{}'::jsonb, 5, 5, now()
         FROM generate_series(1, $4) g RETURNING id, "quizId"`,
        [userId, quizzes.map((q) => q.id), quizzes.length, count],
      );
      opened.set(userId, rows);
    },
    async run(token, _quiz, userId) {
      const attempt = opened.get(userId)!.pop();
      if (!attempt) throw new Error('submitAttempt: the attempts started before ran out; raise their number');
      const quiz = quizzes.find((q) => q.id === attempt.quizId)!;
      await mutate(SUBMIT_ATTEMPT, token, { id: attempt.id, a: rightAnswers(quiz), k: randomUUID() });
    },
  },
  {
    name: 'startAttempt + submitAttempt',
    run: async (token, quiz) => {
      const { startAttempt } = await mutate(START, token, { q: quiz.id });
      await mutate(SUBMIT_ATTEMPT, token, { id: startAttempt!.id, a: rightAnswers(quiz), k: randomUUID() });
    },
  },
];

/**
 * Attempts recorded per second by SUBMITTERS players at once (players of their own, with no attempts
 * yet), and the SQL statements one costs the results service.
 */
async function submitThroughput(flow: SubmitFlow, quizzes: BenchQuiz[]): Promise<{ perSecond: number; statements: number }> {
  const players = Array.from({ length: SUBMITTERS }, () => randomUUID());
  // Generously more than 2 cores can submit in the time.
  for (const userId of players) await flow.prepare?.(userId, 40 * SUBMIT_SECONDS);
  const before = stack.services.results.sqlStatements();
  await flow.run(tokenFor(players[0]!), quizzes[0]!, players[0]!);
  const statements = stack.services.results.sqlStatements() - before;
  const deadline = performance.now() + SUBMIT_SECONDS * 1000;
  let done = 0;
  await Promise.all(
    players.map(async (userId, i) => {
      const token = tokenFor(userId);
      while (performance.now() < deadline) {
        await flow.run(token, quizzes[(done + i) % quizzes.length]!, userId);
        done += 1;
      }
    }),
  );
  return { perSecond: done / SUBMIT_SECONDS, statements };
}

const table: Array<Record<string, string | number>> = [];
try {
  const quizzes = await createQuizzes();
  const quizIds = quizzes.map((q) => q.id);
  const measured = new Map<number, Map<string, { p50: number; p95: number; statements: number }>>();
  const throughput: string[] = [];
  for (const size of SIZES) {
    const started = performance.now();
    const playerIds = await seed(size, quizIds);
    console.log(`seeded ${size} attempts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const viewer = tokenFor(playerIds[Math.floor(playerIds.length / 2)]!);
    const cursor = await middleCursor();
    const entry = 'edges { rank node { score timeTakenMs user { displayName } } }';
    measured.set(
      size,
      await timeAll([
        { name: 'global page (50)', query: `{ leaderboard(first: 50) { totalCount ${entry} } }` },
        { name: 'deep global page by cursor', query: `{ leaderboard(first: 50, after: "${cursor}") { ${entry} } }` },
        { name: 'quiz page (50)', query: `{ quiz(id: "${quizIds[0]}") { title leaderboard(first: 50) { totalCount ${entry} } } }` },
        { name: 'DAY window page', query: `{ leaderboard(first: 50, window: DAY) { totalCount ${entry} } }` },
        { name: 'viewerEntry', query: '{ leaderboard(first: 1) { viewerEntry { rank score } } }', token: viewer },
        {
          name: 'User.stats',
          query: `{ user(id: "${playerIds[Math.floor(playerIds.length / 3)]}") { displayName stats { attempts quizzesCompleted totalScore averagePercentage bestPercentage currentStreakDays longestStreakDays rank } } }`,
        },
        { name: 'Quiz.stats', query: `{ quiz(id: "${quizIds[1]}") { title stats { attempts players averagePercentage scoreDistribution { count } } } }` },
      ]),
    );
    if (size === SIZES.at(-1)) {
      for (const flow of SUBMIT_FLOWS(quizzes)) {
        const { perSecond, statements } = await submitThroughput(flow, quizzes);
        throughput.push(
          `${flow.name}: ${perSecond.toFixed(1)} attempts/s with ${SUBMITTERS} concurrent players at ${size} attempts (${statements} SQL statements each)`,
        );
      }
    }
  }
  const [small, large] = [SIZES[0]!, SIZES.at(-1)!];
  for (const name of measured.get(small)!.keys()) {
    const row: Record<string, string | number> = { operation: name };
    for (const size of SIZES) {
      const m = measured.get(size)!.get(name)!;
      row[`p50 ms @${size}`] = m.p50.toFixed(1);
      row[`p95 ms @${size}`] = m.p95.toFixed(1);
      row[`SQL @${size}`] = m.statements;
    }
    row[`p50 ratio ${large}/${small}`] = (measured.get(large)!.get(name)!.p50 / measured.get(small)!.get(name)!.p50).toFixed(2);
    table.push(row);
  }
  console.table(table);
  for (const line of throughput) console.log(line);
  const header = Object.keys(table[0]!);
  const markdown = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...table.map((row) => `| ${header.map((h) => row[h]).join(' | ')} |`),
    '',
    ...throughput.map((line) => `- ${line}`),
  ].join('\n');
  await writeFile(join(process.cwd(), 'bench-results.md'), `${markdown}\n`);
  console.log('wrote bench-results.md');
} finally {
  await Promise.all([results.end(), users.end()]);
  await stack.stop();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
}
