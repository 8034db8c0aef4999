import { prepareServiceDatabases, REPO_ROOT, startEmbeddedPostgres, type DatabaseUrls } from '@quizgraph/prisma';
import { composeSupergraph } from '@quizgraph/router/composition';
import { graphqlData, graphqlRequest } from '@quizgraph/service-kit';
import { setRoleByEmail } from '@quizgraph/users/admin';
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServiceProcesses, type RunningServiceProcesses, type ServiceProcessesOptions } from '../src/processes.js';

/**
 * What the benches that run the product as separate processes share (`router.bench.ts`,
 * `capacity.bench.ts`): Postgres and fresh databases, the processes of `pnpm start`, data made through
 * the API, one autocannon run, and the statistics and formatting of their reports.
 */

/** `[bench  12 s] line`: seconds since the bench started. */
export function benchLogger(): (line: string) => void {
  const started = performance.now();
  return (line) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** The short hash of HEAD, for a report's header. */
export function commitHash(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** `2 × AMD EPYC, Node v22…`: what a report's figures were measured on. */
export const machineDescription = () => `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;

export interface Target {
  name: string;
  url: string;
  headers?: () => Record<string, string>;
}

export interface Sample {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
}

/** One autocannon run (keep-alive): requests per second and latency percentiles from every response's time. */
export async function load(target: Target, body: string | (() => string), connections: number, seconds: number): Promise<Sample> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers?.() },
        ...(typeof body === 'string' ? { body } : { requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }] }),
        connections,
        duration: seconds,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    failed: result.errors + result.timeouts + result.non2xx,
  };
}

/** The answer must be data without errors: a fast error page would measure nothing. */
export async function check(target: Target, query: string, variables?: Record<string, unknown>): Promise<void> {
  const response = await graphqlRequest(target.url, query, { headers: target.headers?.() ?? {}, ...(variables ? { variables } : {}) });
  if (response.status !== 200 || response.errors?.length || !response.data) {
    throw new Error(`bench: ${target.name} answered ${response.status}: ${JSON.stringify(response.errors ?? response.data)}`);
  }
}

export interface BenchStack {
  /** A temporary folder, removed by stop(). */
  dir: string;
  /** A superuser URL of the server the databases are on. */
  serverUrl: string;
  /** Whether that server is an embedded Postgres this bench started (else TEST_POSTGRES_URL's). */
  embedded: boolean;
  databases: DatabaseUrls;
  keysDir: string;
  supergraphPath: string;
  processes: RunningServiceProcesses;
  /** The processes, then the embedded Postgres, then the folder. */
  stop(): Promise<void>;
}

/**
 * Postgres (embedded, or TEST_POSTGRES_URL's server), fresh databases named after `name`, the
 * composed supergraph, and the three subgraphs and the router each in a process of its own (the
 * launcher of `pnpm start`), logging errors only: an access-log line per request would be most of
 * the work measured. If one of them ends on its own, the bench stops and exits 1.
 */
export async function startBenchStack(name: string, options: Pick<ServiceProcessesOptions, 'nodeArgs' | 'extraEnv'> = {}): Promise<BenchStack> {
  const dir = await mkdtemp(join(tmpdir(), `quizgraph-${name}-bench-`));
  const postgres = process.env.TEST_POSTGRES_URL ? undefined : await startEmbeddedPostgres({ dir: join(dir, 'pg'), port: 0 });
  const serverUrl = process.env.TEST_POSTGRES_URL ?? postgres!.adminUrl;
  const keysDir = join(dir, 'keys');
  const databases = await prepareServiceDatabases(serverUrl, `quizgraph_${name}bench_${Date.now()}`);
  const supergraphPath = join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, await composeSupergraph(join(REPO_ROOT, 'supergraph.yaml')));
  const processes = await startServiceProcesses({
    databases,
    keysDir,
    supergraphPath,
    ports: { router: 0, users: 0, quizzes: 0, results: 0 },
    logLevel: 'warn',
    nodeArgs: options.nodeArgs ?? {},
    extraEnv: options.extraEnv ?? {},
    onUnexpectedExit: (service, how) => {
      console.error(`bench: the ${service} process ended unexpectedly (${how})`);
      void (postgres?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
    },
  });
  return {
    dir,
    serverUrl,
    embedded: postgres !== undefined,
    databases,
    keysDir,
    supergraphPath,
    processes,
    stop: async () => {
      await processes.stop();
      await postgres?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface SeededQuiz {
  id: string;
  questions: Array<{ id: string; options: string[] }>;
}

export interface Seeded {
  quizzes: SeededQuiz[];
  /** The players' emails, all with `password`. */
  emails: string[];
  /** An access token of each player, in the order of `emails`. */
  tokens: string[];
}

/**
 * Through the API: an author, `quizzes` published quizzes of 5 single-choice questions (3 options),
 * `players` players with names, each with a submitted attempt on three quizzes.
 */
export async function seedThroughApi(
  routerUrl: string,
  usersDatabaseUrl: string,
  { quizzes: quizCount, players, password }: { quizzes: number; players: number; password: string },
): Promise<Seeded> {
  const register = async (email: string, displayName: string) =>
    (
      await graphqlData(routerUrl, 'mutation ($e: String!, $p: String!, $n: String!) { register(email: $e, password: $p, displayName: $n) { accessToken } }', {
        variables: { e: email, p: password, n: displayName },
      })
    ).register.accessToken as string;
  const authorEmail = 'author@bench.quizgraph.dev';
  await register(authorEmail, 'Bench Author');
  await setRoleByEmail(usersDatabaseUrl, authorEmail, 'AUTHOR');
  const author = (
    await graphqlData(routerUrl, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
      variables: { e: authorEmail, p: password },
    })
  ).login.accessToken as string;
  const quizzes: SeededQuiz[] = [];
  for (let i = 0; i < quizCount; i++) {
    const { createQuiz } = await graphqlData(routerUrl, 'mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id } }', {
      accessToken: author,
      variables: {
        input: {
          title: `Bench quiz ${i + 1}`,
          category: 'bench',
          questions: Array.from({ length: 5 }, (_, q) => ({
            prompt: `Question ${q + 1}`,
            options: [{ label: 'right', correct: true }, { label: 'wrong' }, { label: 'also wrong' }],
          })),
        },
      },
    });
    await graphqlData(routerUrl, 'mutation ($id: ID!) { publishQuiz(id: $id) { id } }', { accessToken: author, variables: { id: createQuiz.id } });
    const { quiz } = await graphqlData(routerUrl, 'query ($id: ID!) { quiz(id: $id) { questions { id options { id } } } }', {
      variables: { id: createQuiz.id },
    });
    quizzes.push({
      id: createQuiz.id,
      questions: quiz.questions.map((q: { id: string; options: Array<{ id: string }> }) => ({ id: q.id, options: q.options.map((o) => o.id) })),
    });
  }
  const emails = Array.from({ length: players }, (_, i) => `player${i + 1}@bench.quizgraph.dev`);
  const tokens: string[] = new Array(players);
  const NAMES = ['Ada', 'Alan', 'Grace', 'Katherine', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Margaret'];
  let next = 0;
  // Four at a time: each sign-up hashes a password.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < players; i = next++) {
        const token = await register(emails[i]!, `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`);
        tokens[i] = token;
        for (let q = 0; q < 3; q++) {
          const quiz = quizzes[(i + q) % quizCount]!;
          // Some right, some wrong: scores spread over the board.
          const answers = quiz.questions.map((question, k) => ({
            questionId: question.id,
            optionIds: [question.options[(i * 7 + k * 3 + q) % 3 === 0 ? 1 : 0]!],
          }));
          await graphqlData(routerUrl, 'mutation ($q: ID!, $a: [AnswerInput!]!) { submitQuiz(quizId: $q, answers: $a) { id } }', {
            accessToken: token,
            variables: { q: quiz.id, a: answers },
          });
        }
      }
    }),
  );
  return { quizzes, emails, tokens };
}
