import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { REPO_ROOT } from '@quizgraph/prisma';

/**
 * `pnpm start` stopped as Ctrl-C stops it: SIGINT to its whole process group (pnpm, node, and Postgres
 * when embedded), once it is up. It must end with code 0 and write nothing to stderr (no ELIFECYCLE from
 * pnpm, no unhandled pool error).
 */
it('pnpm start stops cleanly on Ctrl-C, with exit code 0 and nothing on stderr', async () => {
  const urls = inject('databaseUrls');
  const child = spawn('pnpm', ['start'], {
    cwd: REPO_ROOT,
    detached: true, // its own process group, like a terminal's foreground job
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
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('Press Ctrl-C to stop.')) resolve();
    });
    void exited.then(() => reject(new Error(`pnpm start ended before it was ready:\n${stdout}\n${stderr}`)));
  });
  process.kill(-child.pid!, 'SIGINT');
  expect(await exited).toEqual({ code: 0, signal: null });
  expect(stderr).toBe('');
  expect(stdout).toContain('SIGINT: finishing in-flight requests, then stopping');
  expect(stdout).not.toContain('ELIFECYCLE');
}, 60_000);
