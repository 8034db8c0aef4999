import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv as loadMigrateEnv } from '../src/migrateEnv.js';
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
