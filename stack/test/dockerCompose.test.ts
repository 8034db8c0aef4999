import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadEnv as loadRouterEnv } from '../../router/src/env.js';
import { loadEnv as loadQuizzesEnv } from '../../subgraphs/quizzes/src/env.js';
import { loadEnv as loadResultsEnv } from '../../subgraphs/results/src/env.js';
import { loadEnv as loadUsersEnv } from '../../subgraphs/users/src/env.js';

/**
 * docker-compose.yml checked without a Docker engine: the file is parsed as Compose does (YAML merge keys,
 * `${VAR:-default}` interpolation with an empty shell environment), then every app service's environment
 * goes through that process's own loadEnv, so a variable env.ts starts requiring fails here.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

type Env = Record<string, string | undefined>;

interface Service {
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  ports?: Array<string | number | { target?: number | string; published?: number | string }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  restart?: string;
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$`, resolved as with no variable set. */
function interpolate(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (match, _name, fallback: string | undefined) =>
      match === '$$' ? '$' : (fallback ?? ''),
    );
  }
  if (Array.isArray(value)) return value.map(interpolate);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v)]));
  }
  return value;
}

const compose = interpolate(parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true })) as ComposeFile;
const services = compose.services;

function environmentOf(service: Service): Env {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)]));
}

function dependenciesOf(service: Service): Record<string, string> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, d]) => [name, d?.condition ?? 'service_started']));
}

function commandWords(service: Service): string[] {
  const command = service.command ?? [];
  return (Array.isArray(command) ? command : [command]).flatMap((part) => part.split(/\s+/)).filter(Boolean);
}

/** `--filter x`, `--filter=x`, `-F x` in a command. */
function filtersOf(service: Service): string[] {
  const words = commandWords(service);
  return words.flatMap((word, i) => {
    if (word === '--filter' || word === '-F') return words[i + 1] ? [words[i + 1]!] : [];
    return word.startsWith('--filter=') ? [word.slice('--filter='.length)] : [];
  });
}

function volumeMounts(service: Service): Array<{ source: string | undefined; target: string | undefined }> {
  return (service.volumes ?? []).map((v) => {
    if (typeof v !== 'string') return { source: v.source, target: v.target };
    const [source, target] = v.split(':');
    return target === undefined ? { source: undefined, target: source } : { source, target };
  });
}

function readJson(path: string): { name?: string; scripts?: Record<string, string>; packageManager?: string } {
  return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; scripts?: Record<string, string>; packageManager?: string };
}

/** Workspace packages by name, from pnpm-workspace.yaml's `packages` (plain folders and `folder/*`). */
function workspacePackages(): Map<string, { scripts: Record<string, string> }> {
  const patterns = (parse(readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8')) as { packages: string[] }).packages;
  const folders = patterns.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(ROOT, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(ROOT, pattern.slice(0, -2), entry.name))
      : [join(ROOT, pattern)],
  );
  const packages = new Map<string, { scripts: Record<string, string> }>();
  for (const folder of folders) {
    const file = join(folder, 'package.json');
    if (!existsSync(file)) continue;
    const json = readJson(file);
    if (json.name) packages.set(json.name, { scripts: json.scripts ?? {} });
  }
  return packages;
}

/** The four processes of the image, with the loader of their environment and the variable naming their port. */
const APPS = {
  users: { package: '@quizgraph/users', portVariable: 'USERS_PORT', load: loadUsersEnv },
  quizzes: { package: '@quizgraph/quizzes', portVariable: 'QUIZZES_PORT', load: loadQuizzesEnv },
  results: { package: '@quizgraph/results', portVariable: 'RESULTS_PORT', load: loadResultsEnv },
  router: { package: '@quizgraph/router', portVariable: 'ROUTER_PORT', load: loadRouterEnv },
} as const;
type AppName = keyof typeof APPS;
const APP_NAMES = Object.keys(APPS) as AppName[];

function serviceOf(name: string): Service {
  const service = services[name];
  if (!service) throw new Error(`docker-compose.yml has no service ${name}`);
  return service;
}

/** The port the process of an app service listens on inside its container. */
function listeningPort(name: AppName): number {
  return APPS[name].load(environmentOf(serviceOf(name))).port;
}

describe('docker-compose.yml', () => {
  test('has postgres, migrate and the four app services', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'migrate', ...APP_NAMES]));
  });

  test('depends_on names existing services, with conditions those services can meet', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, condition] of Object.entries(dependenciesOf(service))) {
        expect(Object.keys(services), `${name} depends on ${dependency}`).toContain(dependency);
        expect(['service_started', 'service_healthy', 'service_completed_successfully']).toContain(condition);
        if (condition === 'service_healthy') expect(serviceOf(dependency).healthcheck?.test, `${dependency} needs a healthcheck`).toBeDefined();
        if (condition === 'service_completed_successfully') {
          expect(serviceOf(dependency).restart ?? 'no', `${dependency} must be a one-shot`).toBe('no');
        }
      }
    }
  });

  test('no app service starts before migrate has created the keys and migrated the databases', () => {
    const completed = (name: string, seen = new Set<string>()): boolean => {
      if (seen.has(name)) return false;
      seen.add(name);
      return Object.entries(dependenciesOf(serviceOf(name))).some(
        ([dependency, condition]) =>
          (dependency === 'migrate' && condition === 'service_completed_successfully') ||
          (condition !== 'service_started' && completed(dependency, seen)),
      );
    };
    for (const name of APP_NAMES) expect(completed(name), name).toBe(true);
    expect(dependenciesOf(serviceOf('migrate')).postgres).toBe('service_healthy');
  });

  test.each(APP_NAMES)('%s: its environment passes its own env.ts, in development with the shared key folder', (name) => {
    const env = environmentOf(serviceOf(name));
    const loaded = APPS[name].load(env);
    expect(loaded.production).toBe(false);
    expect(loaded.host).toBe('0.0.0.0');
    expect(env.QUIZGRAPH_KEYS_DIR).toBeTruthy();
    expect(loaded.keys.keysDir).toBe(env.QUIZGRAPH_KEYS_DIR);
  });

  test('every URL in an environment that names a compose service reaches it on the port it listens on', () => {
    const known = new Set(Object.keys(services));
    for (const [name, service] of Object.entries(services)) {
      for (const [variable, value] of Object.entries(environmentOf(service))) {
        if (!value || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
        const url = new URL(value);
        if (['localhost', '127.0.0.1', '0.0.0.0'].includes(url.hostname)) continue;
        expect(known, `${name}.${variable}: no service ${url.hostname}`).toContain(url.hostname);
        if (url.hostname === 'postgres') expect(url.port || '5432', `${name}.${variable}`).toBe('5432');
        if (url.hostname in APPS) expect(Number(url.port), `${name}.${variable}`).toBe(listeningPort(url.hostname as AppName));
      }
    }
  });

  test('the router reaches every subgraph of supergraph.yaml, and verifies tokens with the users JWKS', () => {
    const supergraph = parse(readFileSync(join(ROOT, 'supergraph.yaml'), 'utf8')) as { subgraphs: Record<string, unknown> };
    const router = loadRouterEnv(environmentOf(serviceOf('router')));
    for (const subgraph of Object.keys(supergraph.subgraphs)) {
      const url = router.subgraphUrls[subgraph];
      expect(url, `router has no URL for the ${subgraph} subgraph`).toBeDefined();
      expect(new URL(url!).hostname).toBe(subgraph);
      expect(new URL(url!).pathname).toBe('/graphql');
    }
    const jwks = new URL(router.keys.accessTokenJwksUrl ?? '');
    expect(jwks.hostname).toBe('users');
    expect(jwks.pathname).toBe('/.well-known/jwks.json');
  });

  test('the router is published on port 4000', () => {
    const router = serviceOf('router');
    const published = (router.ports ?? []).map((port) => {
      if (typeof port === 'object') return { published: Number(port.published), target: Number(port.target) };
      const parts = String(port).replace(/\/(tcp|udp)$/, '').split(':');
      return { published: Number(parts.at(-2)), target: Number(parts.at(-1)) };
    });
    expect(published).toContainEqual({ published: 4000, target: listeningPort('router') });
  });

  test('each app service starts its own workspace package; every --filter names a workspace package', () => {
    const packages = workspacePackages();
    for (const [name, service] of Object.entries(services)) {
      for (const filter of filtersOf(service)) expect([...packages.keys()], `${name}: --filter ${filter}`).toContain(filter);
    }
    for (const name of APP_NAMES) {
      const words = commandWords(serviceOf(name));
      expect(filtersOf(serviceOf(name)), name).toEqual([APPS[name].package]);
      expect(words, name).toContain('start');
      expect(packages.get(APPS[name].package)?.scripts.start, `${APPS[name].package} has a start script`).toBeDefined();
    }
    const rootScripts = readJson(join(ROOT, 'package.json')).scripts ?? {};
    expect(commandWords(serviceOf('migrate'))).toContain('db:migrate');
    expect(rootScripts['db:migrate']).toBeDefined();
    expect(environmentOf(serviceOf('migrate')).DATABASE_SERVER_URL).toMatch(/^postgres(ql)?:\/\/[^@]*@postgres[:/]/);
  });

  test('healthchecks probe the port each app service listens on', () => {
    for (const name of APP_NAMES) {
      const check = serviceOf(name).healthcheck?.test;
      expect(check, name).toBeDefined();
      expect([check].flat().join(' '), name).toContain(`:${listeningPort(name)}/`);
    }
  });

  test('migrate and every app service share one named volume at QUIZGRAPH_KEYS_DIR', () => {
    const sources = new Set<string | undefined>();
    for (const name of ['migrate', ...APP_NAMES]) {
      const dir = environmentOf(serviceOf(name)).QUIZGRAPH_KEYS_DIR;
      expect(dir, name).toBeTruthy();
      const mount = volumeMounts(serviceOf(name)).find((m) => m.target === dir);
      expect(mount?.source, `${name} mounts a volume at ${dir}`).toBeDefined();
      sources.add(mount?.source);
    }
    expect(sources.size).toBe(1);
    expect(Object.keys(compose.volumes ?? {})).toContain([...sources][0]);
  });
});

describe('Dockerfile', () => {
  const path = join(ROOT, 'Dockerfile');

  test('exists, on Node 20, and drops root', () => {
    expect(existsSync(path)).toBe(true);
    const dockerfile = readFileSync(path, 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20[.\w-]*/m);
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
  });

  test('installs the pnpm of package.json packageManager', () => {
    const dockerfile = readFileSync(path, 'utf8');
    const wanted = readJson(join(ROOT, 'package.json')).packageManager?.replace(/\+.*$/, '');
    for (const [pinned] of dockerfile.matchAll(/pnpm@\d[\w.-]*/g)) expect(pinned).toBe(wanted);
  });
});
