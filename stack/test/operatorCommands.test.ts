import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv as loadMigrateEnv, MigrateUsageError } from '../src/migrateEnv.js';
import { writeProductionSecrets } from '../src/productionSecrets.js';
import { loadEnv as loadSeedDemoDataEnv } from '../src/seedDemoDataEnv.js';

const temp = () => mkdtemp(join(tmpdir(), 'quizgraph-operator-'));

describe('pnpm secrets:production', () => {
  it('writes every secret into a folder only its owner can enter, and never overwrites one', async () => {
    const dir = join(await temp(), 'secrets');
    const names = await writeProductionSecrets(dir);
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const password = (await readFile(join(dir, 'postgres-password'), 'utf8')).trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    for (const service of ['users', 'quizzes', 'results']) {
      const url = new URL((await readFile(join(dir, `${service}-database-url`), 'utf8')).trim());
      expect([url.host, url.pathname, url.password]).toEqual(['postgres:5432', `/quizgraph_${service}`, password]);
    }
    const publicKeys = JSON.parse(await readFile(join(dir, 'service-credential-public-keys'), 'utf8')) as Record<string, Array<{ kid: string; pem: string }>>;
    expect(Object.keys(publicKeys).sort()).toEqual(['quizzes', 'results', 'router', 'users']);
    for (const keys of Object.values(publicKeys)) expect(keys[0]!.pem).toContain('PUBLIC KEY');

    await writeFile(join(dir, 'postgres-password'), 'in use\n');
    await expect(writeProductionSecrets(dir)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(join(dir, 'postgres-password'), 'utf8')).toBe('in use\n');
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
