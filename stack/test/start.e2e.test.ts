import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { REPO_ROOT } from '@quizgraph/prisma';

const SERVICES = ['router', 'users', 'quizzes', 'results'] as const;
const ENTRY_POINTS = {
  router: 'router/src/index.ts',
  users: 'subgraphs/users/src/index.ts',
  quizzes: 'subgraphs/quizzes/src/index.ts',
  results: 'subgraphs/results/src/index.ts',
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `pnpm start` in a process group of its own (like a terminal's foreground job), once it is up. */
async function startQuizgraph() {
  const urls = inject('databaseUrls');
  const child = spawn('pnpm', ['start'], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      USERS_DATABASE_URL: urls.users,
      QUIZZES_DATABASE_URL: urls.quizzes,
      RESULTS_DATABASE_URL: urls.results,
      ROUTER_PORT: '0',
      USERS_PORT: '0',
      QUIZZES_PORT: '0',
      RESULTS_PORT: '0',
      SEED_DEMO_DATA: 'false',
      QUIZGRAPH_DATA_DIR: await mkdtemp(join(tmpdir(), 'quizgraph-start-')),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output.stdout += chunk;
      if (output.stdout.includes('Press Ctrl-C to stop.')) resolve();
    });
    void exited.then(() => reject(new Error(`pnpm start ended before it was ready:\n${output.stdout}\n${output.stderr}`)));
  });
  const line = /processes \(pid\)\s+router (\d+), users (\d+), quizzes (\d+), results (\d+)/.exec(output.stdout);
  expect(line, output.stdout).not.toBeNull();
  const pids = Object.fromEntries(SERVICES.map((name, i) => [name, Number(line![i + 1])])) as Record<(typeof SERVICES)[number], number>;
  const origin = (label: string) => new URL(new RegExp(`${label}\\s+(http://\\S+)`).exec(output.stdout)![1]!).origin;
  const origins = { router: origin('GraphQL API \\+ Apollo Sandbox'), users: origin('users'), quizzes: origin('quizzes'), results: origin('results') };
  return { child, output, exited, pids, origins };
}

/**
 * Each service runs in a process of its own, from its own entry point: four distinct processes, none
 * of them `pnpm start`'s own, each serving its port. Stopped as Ctrl-C stops it (SIGINT to the whole
 * process group: pnpm, node, and Postgres when embedded), it must end with code 0, write nothing to
 * stderr (no ELIFECYCLE from pnpm, no unhandled pool error) and leave no process behind.
 */
it('pnpm start runs each service in a process of its own, and stops them all cleanly on Ctrl-C', async () => {
  const { child, output, exited, pids, origins } = await startQuizgraph();
  expect(new Set(Object.values(pids)).size).toBe(4);
  for (const name of SERVICES) {
    expect(pids[name]).not.toBe(child.pid);
    expect(readFileSync(`/proc/${pids[name]}/cmdline`, 'utf8')).toContain(join(REPO_ROOT, ENTRY_POINTS[name]));
    // Its port answers with that service's own metrics.
    const metrics = await (await fetch(`${origins[name]}/metrics`)).text();
    expect(metrics).toContain(`service="${name}"`);
  }
  const ready = await fetch(`${origins.router}/ready`);
  expect(ready.status).toBe(200);

  process.kill(-child.pid!, 'SIGINT');
  expect(await exited).toEqual({ code: 0, signal: null });
  expect(output.stderr).toBe('');
  expect(output.stdout).toContain('SIGINT: finishing in-flight requests, then stopping');
  expect(output.stdout).not.toContain('ELIFECYCLE');
  for (const name of SERVICES) expect(alive(pids[name]), name).toBe(false);
}, 90_000);

it('pnpm start stops the others and fails, naming the service, when one process dies', async () => {
  const { exited, output, pids } = await startQuizgraph();
  process.kill(pids.results, 'SIGKILL');
  const { code } = await exited;
  expect(code).not.toBe(0);
  expect(output.stderr).toContain('the results process ended unexpectedly (killed by SIGKILL)');
  for (const name of SERVICES) expect(alive(pids[name]), name).toBe(false);
}, 90_000);
