import { spawn } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEnv as loadMigrateEnv, MigrateUsageError } from '../src/migrateEnv.js';
import { formatDatabaseRoles, parseDatabaseRoles } from '@quizgraph/prisma/runtime';
import { writeProductionSecrets } from '../src/productionSecrets.js';
import { loadEnv as loadSeedDemoDataEnv } from '../src/seedDemoDataEnv.js';

const temp = () => mkdtemp(join(tmpdir(), 'quizgraph-operator-'));

describe('pnpm secrets:production', () => {
  it('writes every secret into a folder only its owner can enter, and never overwrites one', async () => {
    const dir = join(await temp(), 'secrets');
    const { written: names, updated } = await writeProductionSecrets(dir);
    expect(updated).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const password = (await readFile(join(dir, 'postgres-password'), 'utf8')).trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Each service's URL: its own database as its own role, with a password of its own; the roles file
    // (PgBouncer's userlist, and what migrate makes) lists the server user and each of those roles.
    const roles = parseDatabaseRoles(await readFile(join(dir, 'database-roles'), 'utf8'));
    expect(roles[0]).toEqual({ name: 'postgres', password });
    const servicePasswords = new Set<string>();
    for (const service of ['users', 'quizzes', 'results']) {
      const url = new URL((await readFile(join(dir, `${service}-database-url`), 'utf8')).trim());
      expect([url.host, url.pathname, url.username]).toEqual(['postgres:5432', `/quizgraph_${service}`, `quizgraph_${service}`]);
      expect(url.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(url.password).not.toBe(password);
      servicePasswords.add(url.password);
      expect(roles).toContainEqual({ name: `quizgraph_${service}`, password: url.password });
    }
    expect(servicePasswords.size).toBe(3);
    expect(roles).toHaveLength(4);
    const publicKeys = JSON.parse(await readFile(join(dir, 'service-credential-public-keys'), 'utf8')) as Record<string, Array<{ kid: string; pem: string }>>;
    expect(Object.keys(publicKeys).sort()).toEqual(['quizzes', 'results', 'router', 'users']);
    for (const keys of Object.values(publicKeys)) expect(keys[0]!.pem).toContain('PUBLIC KEY');

    await writeFile(join(dir, 'postgres-password'), 'in use\n');
    await expect(writeProductionSecrets(dir)).rejects.toMatchObject({ code: 'EEXIST', message: expect.stringContaining('--add-missing') });
    expect(await readFile(join(dir, 'postgres-password'), 'utf8')).toBe('in use\n');
  });

  it('refuses a folder holding some of the files before writing any, so no second password appears beside the one in use', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'database-server-url'), 'postgresql://postgres:in-use@postgres:5432/postgres\n');
    await expect(writeProductionSecrets(dir)).rejects.toMatchObject({ code: 'EEXIST', message: expect.stringContaining('database-server-url') });
    expect(await readdir(dir)).toEqual(['database-server-url']);
  });
});

type PublicKeys = Record<string, Array<{ kid: string; pem: string }>>;

/** Every file of a folder, byte for byte, with its mode. */
async function snapshot(dir: string) {
  const files = new Map<string, { bytes: Buffer; mode: number }>();
  for (const name of (await readdir(dir)).sort()) {
    files.set(name, { bytes: await readFile(join(dir, name)), mode: (await stat(join(dir, name))).mode & 0o777 });
  }
  return files;
}

const readPublicKeys = async (dir: string) => JSON.parse(await readFile(join(dir, 'service-credential-public-keys'), 'utf8')) as PublicKeys;

/**
 * A folder as `pnpm secrets:production` wrote it before `results` was in the service list: written
 * for today's list, then results' own files and public key taken out again.
 */
async function folderWithoutResults() {
  const dir = join(await temp(), 'secrets');
  await writeProductionSecrets(dir);
  await rm(join(dir, 'service-credential-private-keys-results'));
  await rm(join(dir, 'results-database-url'));
  const { results: _removed, ...others } = await readPublicKeys(dir);
  await writeFile(join(dir, 'service-credential-public-keys'), `${JSON.stringify(others)}\n`);
  const roles = parseDatabaseRoles(await readFile(join(dir, 'database-roles'), 'utf8'));
  await writeFile(join(dir, 'database-roles'), formatDatabaseRoles(roles.filter((role) => role.name !== 'quizgraph_results')));
  return dir;
}

describe('pnpm secrets:production --add-missing', () => {
  it('writes a new process’s key and database URL and adds its public key, leaving every other file byte for byte', async () => {
    const dir = await folderWithoutResults();
    // An operator's own mode on the file it rewrites survives the rewrite.
    await chmod(join(dir, 'service-credential-public-keys'), 0o640);
    const before = await snapshot(dir);
    const publicBefore = await readPublicKeys(dir);

    const rolesBefore = parseDatabaseRoles(await readFile(join(dir, 'database-roles'), 'utf8'));
    expect(await writeProductionSecrets(dir, { addMissing: true })).toEqual({
      written: ['results-database-url', 'service-credential-private-keys-results'],
      updated: ['database-roles', 'service-credential-public-keys'],
    });
    const after = await snapshot(dir);
    // Nothing else in the folder: no temporary file left beside the rewritten ones.
    expect([...after.keys()]).toEqual([...before.keys(), 'results-database-url', 'service-credential-private-keys-results'].sort());
    for (const [name, file] of before) {
      if (name === 'service-credential-public-keys') expect(after.get(name)!.mode, name).toBe(0o640);
      else if (name !== 'database-roles') expect(after.get(name), name).toEqual(file);
    }
    expect(after.get('results-database-url')!.mode).toBe(after.get('users-database-url')!.mode);

    // The server of the folder's database-server-url, a role of its own with a new password, which the
    // roles file gains beside the roles it held.
    const server = new URL((await readFile(join(dir, 'database-server-url'), 'utf8')).trim());
    const url = new URL((await readFile(join(dir, 'results-database-url'), 'utf8')).trim());
    expect([url.protocol, url.username, url.host, url.pathname]).toEqual([server.protocol, 'quizgraph_results', server.host, '/quizgraph_results']);
    expect(url.password).not.toBe(server.password);
    expect(parseDatabaseRoles(await readFile(join(dir, 'database-roles'), 'utf8'))).toEqual([
      ...rolesBefore,
      { name: 'quizgraph_results', password: url.password },
    ]);

    // The existing entries unchanged, and results' public key the half of its new private key.
    const { results, ...others } = await readPublicKeys(dir);
    expect(others).toEqual(publicBefore);
    const [privateKey] = JSON.parse(await readFile(join(dir, 'service-credential-private-keys-results'), 'utf8')) as Array<{ kid: string; pem: string }>;
    expect(results).toEqual([{ kid: privateKey!.kid, pem: createPublicKey(privateKey!.pem).export({ type: 'spki', format: 'pem' }) }]);
    for (const holder of Object.keys(others)) {
      const [ownKey] = JSON.parse(await readFile(join(dir, `service-credential-private-keys-${holder}`), 'utf8')) as Array<{ kid: string; pem: string }>;
      expect(results![0]!.pem, holder).not.toBe(createPublicKey(ownKey!.pem).export({ type: 'spki', format: 'pem' }));
    }

    // A second run finds nothing missing and changes nothing.
    expect(await writeProductionSecrets(dir, { addMissing: true })).toEqual({ written: [], updated: [] });
    expect(await snapshot(dir)).toEqual(after);
  });

  it('gives a folder written before the roles (every URL the server user’s) a roles file of the server user, changing no URL', async () => {
    const dir = join(await temp(), 'secrets');
    await writeProductionSecrets(dir);
    const server = (await readFile(join(dir, 'database-server-url'), 'utf8')).trim();
    for (const service of ['users', 'quizzes', 'results']) {
      const legacy = new URL(server);
      legacy.pathname = `/quizgraph_${service}`;
      await writeFile(join(dir, `${service}-database-url`), `${legacy}\n`);
    }
    await rm(join(dir, 'database-roles'));
    const before = await snapshot(dir);
    expect(await writeProductionSecrets(dir, { addMissing: true })).toEqual({ written: ['database-roles'], updated: [] });
    expect(parseDatabaseRoles(await readFile(join(dir, 'database-roles'), 'utf8'))).toEqual([{ name: 'postgres', password: new URL(server).password }]);
    for (const [name, file] of before) expect((await snapshot(dir)).get(name), name).toEqual(file);

    // One service moved to a role of its own by hand: the next run adds it, and keeps a role added by hand.
    await writeFile(join(dir, 'database-roles'), `${await readFile(join(dir, 'database-roles'), 'utf8')}"reporting" "by-hand"\n`);
    await writeFile(join(dir, 'users-database-url'), 'postgresql://quizgraph_users:own-password@postgres:5432/quizgraph_users\n');
    expect(await writeProductionSecrets(dir, { addMissing: true })).toEqual({ written: [], updated: ['database-roles'] });
    expect(parseDatabaseRoles(await readFile(join(dir, 'database-roles'), 'utf8'))).toEqual([
      { name: 'postgres', password: new URL(server).password },
      { name: 'quizgraph_users', password: 'own-password' },
      { name: 'reporting', password: 'by-hand' },
    ]);
    await writeFile(join(dir, 'database-roles'), 'postgres pw\n');
    await expect(writeProductionSecrets(dir, { addMissing: true })).rejects.toThrow(/database-roles, line 1: not a "name" "password" pair.*Nothing written/);
  });

  it('writes a missing access-token key and Postgres password (the one in the server URL), and only those', async () => {
    const dir = join(await temp(), 'secrets');
    await writeProductionSecrets(dir);
    const server = new URL((await readFile(join(dir, 'database-server-url'), 'utf8')).trim());
    await rm(join(dir, 'access-token-private-keys'));
    await rm(join(dir, 'postgres-password'));
    const before = await snapshot(dir);

    expect(await writeProductionSecrets(dir, { addMissing: true })).toEqual({ written: ['postgres-password', 'access-token-private-keys'], updated: [] });
    expect(await readFile(join(dir, 'postgres-password'), 'utf8')).toBe(`${server.password}\n`);
    const [accessKey] = JSON.parse(await readFile(join(dir, 'access-token-private-keys'), 'utf8')) as Array<{ kid: string; pem: string }>;
    expect(createPublicKey(accessKey!.pem).asymmetricKeyType).toBe('rsa');
    for (const [name, file] of before) expect((await snapshot(dir)).get(name), name).toEqual(file);
  });

  it('gives a folder written before the router token one, keeps a token in use, and refuses a digest without its token', async () => {
    const dir = join(await temp(), 'secrets');
    await writeProductionSecrets(dir);
    const digestOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
    const first = await readFile(join(dir, 'router-token'), 'utf8');
    expect(first).toMatch(/^[0-9a-f]{64}$/); // no newline: a router sending the file as is sends the token
    expect((await readFile(join(dir, 'router-token-sha256'), 'utf8')).trim()).toBe(digestOf(first));

    await rm(join(dir, 'router-token'));
    await rm(join(dir, 'router-token-sha256'));
    const before = await snapshot(dir);
    expect(await writeProductionSecrets(dir, { addMissing: true })).toEqual({ written: ['router-token', 'router-token-sha256'], updated: [] });
    const token = await readFile(join(dir, 'router-token'), 'utf8');
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect((await readFile(join(dir, 'router-token-sha256'), 'utf8')).trim()).toBe(digestOf(token));
    for (const [name, file] of before) expect((await snapshot(dir)).get(name), name).toEqual(file);

    await rm(join(dir, 'router-token-sha256'));
    expect(await writeProductionSecrets(dir, { addMissing: true })).toEqual({ written: ['router-token-sha256'], updated: [] });
    expect(await readFile(join(dir, 'router-token'), 'utf8')).toBe(token);
    expect((await readFile(join(dir, 'router-token-sha256'), 'utf8')).trim()).toBe(digestOf(token));

    await rm(join(dir, 'router-token'));
    await expect(writeProductionSecrets(dir, { addMissing: true })).rejects.toThrow(/router-token is missing but router-token-sha256 is there/);
    expect(await readdir(dir)).not.toContain('router-token');
  });

  it('trusts a private key already written whose public half is not in the file yet (a run stopped halfway), rather than make another', async () => {
    const dir = join(await temp(), 'secrets');
    await writeProductionSecrets(dir);
    const publicKeys = await readPublicKeys(dir);
    const { quizzes, ...others } = publicKeys;
    await writeFile(join(dir, 'service-credential-public-keys'), `${JSON.stringify(others)}\n`);
    const privateBefore = await readFile(join(dir, 'service-credential-private-keys-quizzes'));

    expect(await writeProductionSecrets(dir, { addMissing: true })).toEqual({ written: [], updated: ['service-credential-public-keys'] });
    expect(await readPublicKeys(dir)).toEqual(publicKeys);
    expect(quizzes).toHaveLength(1);
    expect(await readFile(join(dir, 'service-credential-private-keys-quizzes'))).toEqual(privateBefore);
  });

  it('refuses, changing nothing: no folder, no database-server-url, an unreadable public-keys file, a process whose key was lost', async () => {
    const base = await temp();
    for (const dir of [join(base, 'never-made'), base]) {
      await expect(writeProductionSecrets(dir, { addMissing: true })).rejects.toThrow(/holds no database-server-url file.*without --add-missing first/);
    }
    expect(await readdir(base)).toEqual([]);

    const dir = await folderWithoutResults();
    await writeFile(join(dir, 'service-credential-public-keys'), '{"users": [{"kid": "k1", "pem": \n');
    let before = await snapshot(dir);
    await expect(writeProductionSecrets(dir, { addMissing: true })).rejects.toThrow(
      /service-credential-public-keys is not a JSON object of \{"<process>": \[\{"kid","pem"\}\]\}.*nothing written/,
    );
    expect(await snapshot(dir)).toEqual(before);
    await writeFile(join(dir, 'service-credential-public-keys'), '{"users": "not a list"}\n');
    await expect(writeProductionSecrets(dir, { addMissing: true })).rejects.toThrow(/is not a JSON object/);

    // results' public key is trusted but its private key is gone: a new key would not match it.
    const lost = join(await temp(), 'secrets');
    await writeProductionSecrets(lost);
    await rm(join(lost, 'service-credential-private-keys-results'));
    await rm(join(lost, 'results-database-url'));
    before = await snapshot(lost);
    await expect(writeProductionSecrets(lost, { addMissing: true })).rejects.toThrow(
      /service-credential-private-keys-results is missing but service-credential-public-keys holds results's public key/,
    );
    expect(await snapshot(lost)).toEqual(before);
  });
});

const STACK_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The command as `pnpm secrets:production` runs it (tsx, from stack/), with nothing inherited but PATH. */
function secretsCommand(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/secretsProduction.ts', ...args], {
    cwd: STACK_DIR,
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

// Each run loads TypeScript through tsx: a second or two apiece.
describe('the pnpm secrets:production command', { timeout: 120_000 }, () => {
  it('completes a folder with --add-missing (also after pnpm’s `--`), refuses to overwrite without it, and a wrong command line with exit 2', async () => {
    const dir = await folderWithoutResults();
    const before = await snapshot(dir);

    const plain = await secretsCommand([dir]);
    expect(plain.code).toBe(1);
    expect(plain.output).toMatch(/already holds .*never overwritten.*--add-missing/s);
    expect(await snapshot(dir)).toEqual(before);

    for (const [args, message] of [
      [['--add-missing'], /no folder given/],
      [['--add-mising', dir], /Unknown option '--add-mising'/],
      [[dir, dir], /one folder, not 2/],
    ] as const) {
      const wrong = await secretsCommand([...args]);
      expect(wrong, args.join(' ')).toMatchObject({ code: 2, output: expect.stringMatching(message) });
      expect(wrong.output).toContain('Usage: pnpm secrets:production [--add-missing] <dir> | --help');
    }

    const completed = await secretsCommand(['--', '--add-missing', dir]);
    expect(completed).toMatchObject({ code: 0 });
    expect(completed.output).toContain(`wrote 2 files to ${dir}: results-database-url, service-credential-private-keys-results`);
    expect(completed.output).toContain(`updated in ${dir}: database-roles, service-credential-public-keys`);
    expect(Object.keys(await readPublicKeys(dir)).sort()).toEqual(['quizzes', 'results', 'router', 'users']);

    const again = await secretsCommand(['--add-missing', dir]);
    expect(again).toMatchObject({ code: 0, output: expect.stringContaining('nothing written') });
  });

  it('prints its usage for --help (or -h) and succeeds, writing nothing', async () => {
    for (const flag of ['--help', '-h']) {
      expect(await secretsCommand([flag])).toEqual({ code: 0, output: expect.stringMatching(/^Usage: pnpm secrets:production \[--add-missing\] <dir>/) });
    }
  });
});

describe('the migrate command’s loader', () => {
  const server = 'postgresql://postgres:pw@db:5432/postgres';

  it('takes the three database URLs, or a server to create them on, inline or from files', async () => {
    expect(loadMigrateEnv({ DATABASE_SERVER_URL: server }).target).toEqual({ kind: 'server', serverUrl: server });
    const file = join(await temp(), 'server-url');
    await writeFile(file, `${server}\n`);
    expect(loadMigrateEnv({ DATABASE_SERVER_URL_FILE: file }).target).toEqual({ kind: 'server', serverUrl: server });
    const urls = { users: 'postgresql://db/u', quizzes: 'postgresql://db/q', results: 'postgresql://db/r' };
    expect(
      loadMigrateEnv({ USERS_DATABASE_URL: urls.users, QUIZZES_DATABASE_URL: urls.quizzes, RESULTS_DATABASE_URL: urls.results, DATABASE_SERVER_URL: server })
        .target,
    ).toEqual({
      kind: 'urls',
      urls,
    });
  });

  it('reads the roles to make from DATABASE_ROLES or its file (PgBouncer’s userlist format), only with a server to make them on', async () => {
    const file = join(await temp(), 'database-roles');
    await writeFile(file, '"postgres" "pw"\n"quizgraph_users" "secret"\n');
    expect(loadMigrateEnv({ DATABASE_SERVER_URL: server, DATABASE_ROLES_FILE: file }).roles).toEqual([
      { name: 'postgres', password: 'pw' },
      { name: 'quizgraph_users', password: 'secret' },
    ]);
    expect(loadMigrateEnv({ DATABASE_SERVER_URL: server }).roles).toEqual([]);
    expect(() => loadMigrateEnv({ DATABASE_SERVER_URL: server, DATABASE_ROLES: 'postgres pw' })).toThrow(
      /migrate command cannot start: DATABASE_ROLES, line 1: not a "name" "password" pair/,
    );
    expect(() => loadMigrateEnv({ USERS_DATABASE_URL: 'postgresql://db/u', DATABASE_ROLES_FILE: file }, ['--service', 'users'])).toThrow(
      /DATABASE_ROLES makes roles on the server in DATABASE_SERVER_URL/,
    );
  });

  it('refuses some of the URLs, none at all, or one that is not a URL', () => {
    expect(() => loadMigrateEnv({ USERS_DATABASE_URL: 'postgresql://db/u' })).toThrow(
      /set all of USERS_DATABASE_URL, QUIZZES_DATABASE_URL, RESULTS_DATABASE_URL/,
    );
    expect(() => loadMigrateEnv({})).toThrow(/set DATABASE_SERVER_URL/);
    expect(() => loadMigrateEnv({ DATABASE_SERVER_URL: 'not a url' })).toThrow(/DATABASE_SERVER_URL is not a URL/);
  });

  it('makes development keys only in development, and only where QUIZGRAPH_KEYS_DIR says', () => {
    expect(loadMigrateEnv({ DATABASE_SERVER_URL: server, QUIZGRAPH_KEYS_DIR: '/keys' }).devKeysDir).toBe('/keys');
    expect(loadMigrateEnv({ DATABASE_SERVER_URL: server }).devKeysDir).toBeUndefined();
    expect(loadMigrateEnv({ DATABASE_SERVER_URL: server, QUIZGRAPH_KEYS_DIR: '/keys', NODE_ENV: 'production' })).toMatchObject({
      production: true,
      devKeysDir: undefined,
    });
  });

  it('applies to every service by default; --check and --wait change nothing, so they make no keys either', () => {
    const dev = { DATABASE_SERVER_URL: server, QUIZGRAPH_KEYS_DIR: '/keys' };
    expect(loadMigrateEnv(dev)).toMatchObject({ mode: 'apply', services: ['users', 'quizzes', 'results'], waitTimeoutSeconds: 300 });
    // `pnpm db:migrate -- --check` passes its `--` along.
    for (const args of [['--check'], ['--', '--check']])
      expect(loadMigrateEnv(dev, args), args.join(' ')).toMatchObject({ mode: 'check', devKeysDir: undefined });
    expect(loadMigrateEnv(dev, ['--wait'])).toMatchObject({ mode: 'wait', devKeysDir: undefined });
  });

  it('with --service (or MIGRATE_SERVICES) needs the URLs of those services only, as the init container gives them', async () => {
    const file = join(await temp(), 'users-database-url');
    await writeFile(file, 'postgresql://pgbouncer/quizgraph_users\n');
    // A subgraph's init container: production, its own database URL as a secret file, no key of any kind.
    expect(loadMigrateEnv({ NODE_ENV: 'production', USERS_DATABASE_URL_FILE: file }, ['--wait', '--service', 'users'])).toEqual({
      production: true,
      mode: 'wait',
      services: ['users'],
      target: { kind: 'urls', urls: { users: 'postgresql://pgbouncer/quizgraph_users' } },
      roles: [],
      waitTimeoutSeconds: 300,
      devKeysDir: undefined,
    });
    const two = { RESULTS_DATABASE_URL: 'postgresql://db/r', USERS_DATABASE_URL: 'postgresql://db/u' };
    expect(loadMigrateEnv(two, ['--service', 'results', '--service', 'users', '--service', 'results'])).toMatchObject({
      services: ['users', 'results'],
      target: { kind: 'urls', urls: { users: 'postgresql://db/u', results: 'postgresql://db/r' } },
    });
    expect(loadMigrateEnv({ ...two, MIGRATE_SERVICES: ' results, users ' }).services).toEqual(['users', 'results']);
    // The flag wins over the variable; the other services' variables are not even read.
    expect(loadMigrateEnv({ ...two, MIGRATE_SERVICES: 'quizzes', QUIZZES_DATABASE_URL_FILE: '/nowhere' }, ['--service', 'users']).services).toEqual(['users']);
    expect(loadMigrateEnv({ DATABASE_SERVER_URL: server, MIGRATE_SERVICES: 'quizzes' })).toMatchObject({
      services: ['quizzes'],
      target: { kind: 'server', serverUrl: server },
    });
    // Without a choice the rule stays all or none.
    expect(() => loadMigrateEnv({ USERS_DATABASE_URL: 'postgresql://db/u' }, ['--check'])).toThrow(/set all of USERS_DATABASE_URL, QUIZZES_DATABASE_URL/);
    expect(() => loadMigrateEnv({ USERS_DATABASE_URL: 'postgresql://db/u' }, ['--service', 'users', '--service', 'results'])).toThrow(
      /set all of USERS_DATABASE_URL, RESULTS_DATABASE_URL \(or their _FILE variables\), or none/,
    );
    expect(() => loadMigrateEnv({ QUIZZES_DATABASE_URL: 'postgresql://db/q' }, ['--service', 'users'])).toThrow(
      /set DATABASE_SERVER_URL .*, or USERS_DATABASE_URL \(or its _FILE variable\)/,
    );
  });

  it('refuses a wrong command line as a usage error (exit 2), naming the valid services', () => {
    const env = { DATABASE_SERVER_URL: server };
    const usage = (run: () => unknown, message: RegExp) => {
      expect(run).toThrow(MigrateUsageError);
      expect(run).toThrow(message);
    };
    usage(() => loadMigrateEnv(env, ['--force']), /Unknown option '--force'/);
    usage(() => loadMigrateEnv(env, ['--check', '--wait']), /--check and --wait exclude each other/);
    usage(() => loadMigrateEnv(env, ['--service']), /--service/);
    usage(() => loadMigrateEnv(env, ['users']), /Unexpected argument 'users'/);
    usage(() => loadMigrateEnv(env, ['--service', 'user']), /--service "user" is not a service; the services are users, quizzes, results/);
    usage(() => loadMigrateEnv({ ...env, MIGRATE_SERVICES: 'users,accounts' }), /MIGRATE_SERVICES "accounts" is not a service/);
    usage(() => loadMigrateEnv({ ...env, MIGRATE_SERVICES: ' , ' }), /MIGRATE_SERVICES names no service/);
  });

  it('takes the wait timeout in whole seconds', () => {
    const env = { DATABASE_SERVER_URL: server };
    expect(loadMigrateEnv({ ...env, MIGRATE_WAIT_TIMEOUT_SECONDS: '30' }, ['--wait']).waitTimeoutSeconds).toBe(30);
    for (const value of ['0', '-5', '1.5', 'soon', '']) {
      expect(() => loadMigrateEnv({ ...env, MIGRATE_WAIT_TIMEOUT_SECONDS: value }), value).toThrow(/MIGRATE_WAIT_TIMEOUT_SECONDS/);
    }
  });
});

describe('the demo-data command’s loader', () => {
  it('needs the router and the users database, and refuses production before anything else', () => {
    expect(loadSeedDemoDataEnv({ ROUTER_URL: 'http://router:4000/graphql', USERS_DATABASE_URL: 'postgresql://db/u' })).toEqual({
      routerUrl: 'http://router:4000/graphql',
      usersDatabaseUrl: 'postgresql://db/u',
    });
    expect(() => loadSeedDemoDataEnv({ ROUTER_URL: 'http://router:4000/graphql' })).toThrow(/demo-data command cannot start: USERS_DATABASE_URL/);
    expect(() => loadSeedDemoDataEnv({ NODE_ENV: 'production' })).toThrow(/refuses NODE_ENV=production/);
  });
});
