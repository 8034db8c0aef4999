import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessTokenKeySource, loadAccessTokenKeyRing, loadServiceCredentials, verifyServiceCredential, type CredentialHolder } from '@quizgraph/service-kit';
import { parseDatabaseRoles, RELAY_POOL_SIZE, REQUEST_POOL_SIZE } from '@quizgraph/prisma/runtime';
import type { AnyJson } from '@quizgraph/service-kit';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ACCESS_TOKEN_ISSUER, databaseName, defaultPort, PROCESS_NAMES, SUBGRAPHS, SUBGRAPH_NAMES, type ProcessName } from '@quizgraph/topology';
import { EVENT_ROUTES } from '../../packages/events/src/routing.js';
import { loadEnv as loadMigrateEnv } from '../src/migrateEnv.js';
import { writeProductionSecrets } from '../src/productionSecrets.js';
import { processEnvLoaders } from './processEnv.js';

/**
 * deploy/kubernetes, both overlays, as CI can check them without a cluster: rendered with
 * `kubectl kustomize` (the development overlay from a copy whose ./secrets is filled by the same
 * writeProductionSecrets as `pnpm secrets:production`, so no secret is in the repository), every object
 * validated against the Kubernetes OpenAPI schemas (kubernetes-models), then the invariants the README
 * promises: probes, resources, PDBs and HPAs, non-root pods, references that resolve, NetworkPolicies
 * that select real pods and allow exactly the calls the services make, and each Deployment's environment
 * (its *_FILE paths pointed at the secret files) accepted by that process's own loader in production,
 * with its keys loading and trusted across processes. Not checked: that a cluster accepts and runs it.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const KUBECTL = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!KUBECTL) console.warn('kubernetes.test.ts: skipped, kubectl is not installed (it renders the kustomize overlays).');

type Env = Record<string, string | undefined>;
type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  /** Checked by the schema validator, not by types (absent from a ConfigMap or Secret). */
  spec: AnyJson;
  data?: Record<string, string>;
};

/** Every process of the service list (its subgraphs and the router), with the loader of its environment and its port. */
const LOAD = await processEnvLoaders();
type AppName = ProcessName;
const APP_NAMES = PROCESS_NAMES;
const isApp = (name: string): name is AppName => (APP_NAMES as readonly string[]).includes(name);

/** The Secrets an operator creates for the production overlay (README: kubectl create secret generic …): shared ones, then one per process. */
const OPERATOR_SECRETS = ['quizgraph-database-server', 'quizgraph-service-credential-public-keys', ...APP_NAMES.map((name) => `quizgraph-${name}`)];

const OVERLAYS = ['development', 'production'] as const;
type Overlay = (typeof OVERLAYS)[number];
const rendered = {} as Record<Overlay, K8sObject[]>;
/** The secret files each overlay's Secrets hold: generated (development) or the operator's (production). */
const secretFiles = {} as Record<Overlay, string>;

beforeAll(async () => {
  if (!KUBECTL) return;
  const copy = join(await mkdtemp(join(tmpdir(), 'quizgraph-k8s-')), 'kubernetes');
  await cp(join(ROOT, 'deploy/kubernetes'), copy, { recursive: true, filter: (src) => !src.endsWith('/secrets') });
  secretFiles.development = join(copy, 'overlays/development/secrets');
  await writeProductionSecrets(secretFiles.development);
  secretFiles.production = join(dirname(copy), 'operator-secrets');
  await writeProductionSecrets(secretFiles.production);
  for (const overlay of OVERLAYS) {
    const yaml = execFileSync('kubectl', ['kustomize', join(copy, 'overlays', overlay)], { encoding: 'utf8' });
    rendered[overlay] = parseAllDocuments(yaml).map((doc) => {
      if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('; '));
      return doc.toJS() as K8sObject;
    });
  }
}, 60_000);

const all = (overlay: Overlay, kind?: string) => rendered[overlay].filter((o) => !kind || o.kind === kind);
function one(overlay: Overlay, kind: string, name: string): K8sObject {
  const found = all(overlay, kind).filter((o) => o.metadata.name === name);
  expect(found, `${overlay}: ${kind} ${name}`).toHaveLength(1);
  return found[0]!;
}
const podTemplate = (o: K8sObject) => o.spec.template;
const workloads = (overlay: Overlay) => rendered[overlay].filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind));
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
/** The name a generated (hash-suffixed) object was given in the base. */
const baseName = (overlay: Overlay, name: string) => (overlay === 'development' ? name.replace(/-[a-z0-9]{10}$/, '') : name);

/**
 * A process's environment as it would see it: each *_FILE variable names a file under a mounted Secret
 * volume; it must be an item of one, and is pointed at that Secret's file among the secret files.
 */
/** Each secret file a container sees, by its path in the container, as the test's file of that secret key (a `subPath` mount included). */
function mountedSecretFiles(overlay: Overlay, workload: K8sObject, container = podTemplate(workload).spec.containers[0]): Map<string, string> {
  const spec = podTemplate(workload).spec;
  const mounted = new Map<string, string>();
  for (const mount of container.volumeMounts ?? []) {
    const volume = spec.volumes.find((v: { name: string }) => v.name === mount.name);
    if (!volume) continue; // a StatefulSet's claim
    const sources = volume.projected
      ? volume.projected.sources.map((s: { secret?: unknown }) => s.secret).filter(Boolean)
      : volume.secret
        ? [volume.secret]
        : [];
    for (const source of sources as Array<{ items: Array<{ key: string; path: string }> }>) {
      for (const item of source.items) {
        if (mount.subPath === undefined) mounted.set(`${mount.mountPath}/${item.path}`, join(secretFiles[overlay], item.key));
        else if (mount.subPath === item.path) mounted.set(mount.mountPath, join(secretFiles[overlay], item.key));
      }
    }
  }
  return mounted;
}

function containerEnvironment(overlay: Overlay, workload: K8sObject, container = podTemplate(workload).spec.containers[0]): Env {
  const mounted = mountedSecretFiles(overlay, workload, container);
  const env: Env = {};
  for (const variable of container.env ?? []) {
    expect(variable.valueFrom, `${workload.metadata.name}.${variable.name}: a value, not a reference`).toBeUndefined();
    env[variable.name] = variable.value;
    if (variable.name.endsWith('_FILE')) {
      expect(mounted.has(variable.value), `${workload.metadata.name}.${variable.name}: ${variable.value} is not a mounted secret file`).toBe(true);
      env[variable.name] = mounted.get(variable.value);
    }
  }
  return env;
}

/** Does a NetworkPolicy peer list (from/to) admit a pod with these labels, on this port, from this namespace? */
// biome-ignore lint/suspicious/noExplicitAny: NetworkPolicy rules as rendered.
function ruleAdmits(rule: any, peers: 'from' | 'to', labels: Record<string, string>, port: number): boolean {
  const portOk = !rule.ports || rule.ports.some((p: { port?: number }) => p.port === undefined || p.port === port);
  const list = rule[peers];
  const peerOk =
    !list ||
    list.some(
      (peer: { podSelector?: { matchLabels?: Record<string, string> }; namespaceSelector?: unknown; ipBlock?: unknown }) =>
        !peer.namespaceSelector && !peer.ipBlock && peer.podSelector && matches(peer.podSelector.matchLabels, labels),
    );
  return portOk && peerOk;
}

/** Whether the policies let a pod labelled `from` open a TCP connection to a pod labelled `to` on `port`. */
function allowed(overlay: Overlay, from: Record<string, string>, to: Record<string, string>, port: number): boolean {
  const policies = all(overlay, 'NetworkPolicy');
  const side = (type: 'Ingress' | 'Egress', pod: Record<string, string>, peer: Record<string, string>) => {
    const selecting = policies.filter((p) => p.spec.policyTypes.includes(type) && matches(p.spec.podSelector.matchLabels, pod));
    if (selecting.length === 0) return true;
    const key = type === 'Ingress' ? 'ingress' : 'egress';
    return selecting.some((p) => (p.spec[key] ?? []).some((rule: unknown) => ruleAdmits(rule, type === 'Ingress' ? 'from' : 'to', peer, port)));
  };
  return side('Egress', from, to) && side('Ingress', to, from);
}
const pod = (name: string) => ({ 'app.kubernetes.io/name': name });

describe.skipIf(!KUBECTL).each(OVERLAYS)('kubernetes, %s overlay', (overlay) => {
  test('every rendered object is valid against the Kubernetes OpenAPI schemas', async () => {
    expect(rendered[overlay].length).toBeGreaterThan(20);
    for (const object of rendered[overlay]) {
      const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
      const module = (await import(`kubernetes-models/${group ? `${group}/` : ''}${version}/${object.kind}`)) as Record<
        string,
        new (
          o: unknown,
        ) => { validate(): void }
      >;
      const Model = module[object.kind] ?? module.default;
      expect(Model, `${object.apiVersion} ${object.kind}`).toBeDefined();
      // Kustomize wraps a generated Secret's base64 at 70 columns; the API server's decoder skips the
      // newlines, the schema's "byte" format does not.
      const candidate =
        object.kind === 'Secret' && object.data
          ? { ...object, data: Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, v.replace(/\s+/g, '')])) }
          : object;
      expect(() => new Model!(candidate).validate(), `${object.kind} ${object.metadata.name}`).not.toThrow();
    }
  });

  test('a Deployment and a Service per process, from the one image, running its bundle with node', () => {
    const images = new Set<string>();
    for (const name of APP_NAMES) {
      const container = podTemplate(one(overlay, 'Deployment', name)).spec.containers[0];
      expect(container.command).toEqual(['node', `dist/${name}.mjs`]);
      images.add(container.image);
      const service = one(overlay, 'Service', name);
      expect(service.spec.ports).toEqual([expect.objectContaining({ port: defaultPort(name), targetPort: 'http' })]);
      expect(container.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: defaultPort(name) })]);
    }
    expect(images.size).toBe(1);
    expect(podTemplate(one(overlay, 'Job', 'migrate')).spec.containers[0].image).toBe([...images][0]);
    expect(podTemplate(one(overlay, 'Job', 'migrate')).spec.containers[0].command).toEqual(['node', 'dist/migrate.mjs']);
  });

  test('every Deployment: readiness on /ready, liveness on /health, a startup probe, requests and limits, a PDB; apps an HPA on CPU', () => {
    const pdbs = all(overlay, 'PodDisruptionBudget');
    const hpas = all(overlay, 'HorizontalPodAutoscaler');
    for (const deployment of all(overlay, 'Deployment')) {
      const name = deployment.metadata.name;
      const labels = podTemplate(deployment).metadata.labels;
      for (const container of podTemplate(deployment).spec.containers) {
        for (const kind of ['requests', 'limits'])
          for (const resource of ['cpu', 'memory']) expect(container.resources?.[kind]?.[resource], `${name}: ${kind}.${resource}`).toBeDefined();
        if (isApp(name)) {
          expect(container.readinessProbe.httpGet.path, name).toBe('/ready');
          expect(container.livenessProbe.httpGet.path, name).toBe('/health');
          expect(container.startupProbe, name).toBeDefined();
        } else {
          expect(container.readinessProbe, name).toBeDefined();
          expect(container.livenessProbe, name).toBeDefined();
        }
      }
      expect(
        pdbs.filter((p) => matches(p.spec.selector.matchLabels, labels)),
        `${name}: one PDB`,
      ).toHaveLength(1);
      if (!isApp(name)) continue;
      const hpa = hpas.filter((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === name);
      expect(hpa, `${name}: one HPA`).toHaveLength(1);
      expect(hpa[0]!.apiVersion).toBe('autoscaling/v2');
      expect(hpa[0]!.spec.metrics).toEqual([expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) })]);
      expect(hpa[0]!.spec.minReplicas, `${name}: at least 2 for the PDB to allow an eviction`).toBeGreaterThanOrEqual(2);
      expect(deployment.spec.replicas, `${name}: replicas are the HPA's`).toBeUndefined();
    }
  });

  test('every pod runs as non-root with a read-only root, no capabilities, RuntimeDefault seccomp and no API token', () => {
    for (const workload of workloads(overlay)) {
      const spec = podTemplate(workload).spec;
      const name = workload.metadata.name;
      expect(spec.securityContext.runAsNonRoot, name).toBe(true);
      expect(spec.securityContext.seccompProfile.type, name).toBe('RuntimeDefault');
      expect(spec.automountServiceAccountToken, name).toBe(false);
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        expect(container.securityContext, name).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });

  test.each(APP_NAMES)('%s: its environment passes its own env.ts in production, and its keys load', async (name) => {
    const deployment = one(overlay, 'Deployment', name);
    const settings = LOAD[name](containerEnvironment(overlay, deployment));
    expect(settings.production).toBe(true);
    expect(settings.port).toBe(defaultPort(name));
    expect(settings.keys.keysDir).toBeUndefined();
    await loadServiceCredentials(settings.keys, name);
    if (name === ACCESS_TOKEN_ISSUER) await loadAccessTokenKeyRing(settings.keys);
    else await accessTokenKeySource(settings.keys);
    // The kubelet must not kill a draining process: grace period > readiness grace + drain.
    const { readinessGraceMs, drainTimeoutMs } = settings.shutdown;
    expect(podTemplate(deployment).spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(readinessGraceMs + drainTimeoutMs);
    expect(readinessGraceMs, `${name}: endpoints need time to drop a terminating pod`).toBeGreaterThan(0);
  });

  test('every process trusts the others’ service credentials', async () => {
    const credentials = Object.fromEntries(
      await Promise.all(
        APP_NAMES.map(
          async (name) => [name, await loadServiceCredentials(LOAD[name](containerEnvironment(overlay, one(overlay, 'Deployment', name))).keys, name)] as const,
        ),
      ),
    ) as Record<CredentialHolder, Awaited<ReturnType<typeof loadServiceCredentials>>>;
    for (const caller of APP_NAMES) {
      for (const callee of APP_NAMES) {
        if (caller !== callee)
          await expect(verifyServiceCredential(credentials[caller].signer.credentialFor(callee), credentials[callee].keys, callee)).resolves.toEqual({
            name: caller,
          });
      }
    }
  });

  test('migrate: its environment passes its loader, without a key folder', () => {
    const settings = loadMigrateEnv(containerEnvironment(overlay, one(overlay, 'Job', 'migrate')));
    expect(settings).toMatchObject({ production: true, devKeysDir: undefined, target: { kind: 'server' } });
  });

  test('each subgraph logs in as a role of its own, which migrate makes and PgBouncer knows, with the same password', () => {
    const migrate = loadMigrateEnv(containerEnvironment(overlay, one(overlay, 'Job', 'migrate')));
    const serverUser = decodeURIComponent(new URL((migrate.target as { serverUrl: string }).serverUrl).username);
    // PgBouncer's auth_file (pgbouncer.ini) is the mounted roles file, which it reads as it is.
    const pgbouncer = one(overlay, 'Deployment', 'pgbouncer');
    const ini = all(overlay, 'ConfigMap').find((c) => baseName(overlay, c.metadata.name) === 'pgbouncer')!.data!['pgbouncer.ini']!;
    const authFile = /^auth_file\s*=\s*(\S+)/m.exec(ini)?.[1];
    const userlist = mountedSecretFiles(overlay, pgbouncer).get(authFile ?? '');
    expect(userlist, `PgBouncer's auth_file ${authFile} is a mounted secret file`).toBeDefined();
    const pgbouncerRoles = parseDatabaseRoles(readFileSync(userlist!, 'utf8'));
    expect(pgbouncerRoles).toEqual(migrate.roles);
    expect(pgbouncerRoles.map((role) => role.name)).toContain(serverUser);
    for (const name of SUBGRAPH_NAMES) {
      const url = new URL(LOAD[name](containerEnvironment(overlay, one(overlay, 'Deployment', name))).databaseUrl ?? '');
      const role = { name: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
      expect(role.name, name).toBe(databaseName(name));
      expect(role.name, name).not.toBe(serverUser);
      expect(pgbouncerRoles, name).toContainEqual(role);
    }
  });

  test.each(SUBGRAPH_NAMES)('%s: an init container holds the pod until its database is migrated, with its own database URL alone', (name) => {
    const deployment = one(overlay, 'Deployment', name);
    const [init, ...others] = podTemplate(deployment).spec.initContainers ?? [];
    expect(others).toEqual([]);
    expect(init.image).toBe(podTemplate(deployment).spec.containers[0].image);
    const [node, script, ...args] = init.command as string[];
    expect([node, script]).toEqual(['node', 'dist/migrate.mjs']);
    const settings = loadMigrateEnv(containerEnvironment(overlay, deployment, init), args);
    expect(settings).toMatchObject({ production: true, mode: 'wait', services: [name], devKeysDir: undefined, target: { kind: 'urls' } });
    expect(Object.keys((settings.target as { urls: object }).urls)).toEqual([name]);
  });

  test('only the secrets a process needs: the access-token signing key in its issuer alone, each credential signing key in its own process', () => {
    for (const workload of workloads(overlay)) {
      const name = workload.metadata.name;
      const keys = podTemplate(workload).spec.volumes.flatMap(
        (v: { secret?: { items?: Array<{ key: string }> }; projected?: { sources: Array<{ secret?: { items?: Array<{ key: string }> } }> } }) =>
          [v.secret, ...(v.projected?.sources.map((s) => s.secret) ?? [])].flatMap((s) => (s?.items ?? []).map((i) => i.key)),
      );
      for (const key of keys) {
        if (key === 'access-token-private-keys') expect(name).toBe(ACCESS_TOKEN_ISSUER);
        const own = /^service-credential-private-keys-(.+)$/.exec(key);
        if (own) expect(name).toBe(own[1]);
        const database = /^(.+)-database-url$/.exec(key);
        if (database) expect(name).toBe(database[1]);
      }
      // No key material or password inline in the pod spec.
      for (const container of podTemplate(workload).spec.containers) {
        for (const variable of container.env ?? [])
          expect(String(variable.value ?? ''), `${name}.${variable.name}`).not.toMatch(/BEGIN|postgres(ql)?:\/\/[^@]*:[^@]*@/);
      }
    }
  });

  test('every Secret and ConfigMap a pod refers to is in the render (production: one the operator creates)', () => {
    const present = (kind: string) => new Set(all(overlay, kind).map((o) => o.metadata.name));
    const secrets = present('Secret');
    const configMaps = present('ConfigMap');
    for (const workload of workloads(overlay)) {
      for (const volume of podTemplate(workload).spec.volumes ?? []) {
        const secretNames = [volume.secret?.secretName, ...(volume.projected?.sources ?? []).map((s: { secret?: { name: string } }) => s.secret?.name)].filter(
          Boolean,
        ) as string[];
        for (const secret of secretNames) {
          if (overlay === 'production') expect(OPERATOR_SECRETS, `${workload.metadata.name}: ${secret}`).toContain(secret);
          else expect(secrets, `${workload.metadata.name}: ${secret}`).toContain(secret);
        }
        if (volume.configMap) expect(configMaps, `${workload.metadata.name}: ${volume.configMap.name}`).toContain(volume.configMap.name);
      }
    }
    if (overlay === 'production') expect(secrets.size, 'production renders no Secret: the operator creates them').toBe(0);
    // Development's own Postgres (the StatefulSet) also takes its superuser's password from a Secret.
    else expect([...secrets].map((s) => baseName(overlay, s)).sort()).toEqual([...OPERATOR_SECRETS, 'quizgraph-postgres'].sort());
  });

  test('every URL in an environment names a Service of the render on the port it serves; database URLs name PgBouncer', () => {
    const services = new Map(all(overlay, 'Service').map((s) => [s.metadata.name, s.spec.ports.map((p: { port: number }) => p.port)]));
    for (const workload of workloads(overlay)) {
      for (const [variable, value] of Object.entries(containerEnvironment(overlay, workload))) {
        if (variable === 'CORS_ORIGINS' || !value) continue;
        const text = variable.endsWith('_FILE') ? readFileSync(value, 'utf8').trim() : value;
        if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) continue;
        const url = new URL(text);
        const port = Number(url.port || (url.protocol.startsWith('postgres') ? 5432 : 80));
        expect(services.get(url.hostname), `${workload.metadata.name}.${variable}: no Service ${url.hostname}`).toBeDefined();
        expect(services.get(url.hostname), `${workload.metadata.name}.${variable}`).toContain(port);
        if (url.protocol.startsWith('postgres')) expect(one(overlay, 'Service', url.hostname).spec.selector).toEqual(pod('pgbouncer'));
      }
    }
  });

  test('every Service and NetworkPolicy selects pods that exist', () => {
    const pods = workloads(overlay).map((w) => podTemplate(w).metadata.labels as Record<string, string>);
    for (const service of all(overlay, 'Service'))
      expect(
        pods.some((labels) => matches(service.spec.selector, labels)),
        `Service ${service.metadata.name}`,
      ).toBe(true);
    for (const policy of all(overlay, 'NetworkPolicy')) {
      const selectors = [
        policy.spec.podSelector,
        ...[
          ...(policy.spec.ingress ?? []).flatMap((r: { from?: unknown[] }) => r.from ?? []),
          ...(policy.spec.egress ?? []).flatMap((r: { to?: unknown[] }) => r.to ?? []),
        ]
          .filter((peer: { namespaceSelector?: unknown; podSelector?: unknown }) => !peer.namespaceSelector && peer.podSelector)
          .map((peer: { podSelector: unknown }) => peer.podSelector),
      ];
      for (const selector of selectors as Array<{ matchLabels?: Record<string, string> }>) {
        if (!selector.matchLabels) continue; // {}: every pod
        expect(
          pods.some((labels) => matches(selector.matchLabels, labels)),
          `NetworkPolicy ${policy.metadata.name}: ${JSON.stringify(selector.matchLabels)}`,
        ).toBe(true);
      }
    }
    const deny = one(overlay, 'NetworkPolicy', 'default-deny');
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  test('NetworkPolicies allow the calls the services make, and no other between these pods', () => {
    const expected = new Set<string>();
    const edge = (from: string, to: string, port: number) => expected.add(`${from}->${to}:${port}`);
    for (const subgraph of SUBGRAPH_NAMES) edge('router', subgraph, defaultPort(subgraph)); // GraphQL
    for (const name of APP_NAMES) if (name !== ACCESS_TOKEN_ISSUER) edge(name, ACCESS_TOKEN_ISSUER, defaultPort(ACCESS_TOKEN_ISSUER)); // the access-token JWKS
    for (const route of Object.values(EVENT_ROUTES)) for (const consumer of route.consumers) edge(route.publisher, consumer, defaultPort(consumer)); // /internal/events
    for (const caller of SUBGRAPHS) for (const target of caller.callsInternal) edge(caller.name, target, defaultPort(target)); // e.g. /internal/quizzes/:id/answer-key
    for (const name of [...SUBGRAPH_NAMES, 'migrate']) edge(name, 'pgbouncer', 5432);
    if (overlay === 'development') edge('pgbouncer', 'postgres-server', 5432);
    const names = [...new Set(workloads(overlay).map((w) => podTemplate(w).metadata.labels['app.kubernetes.io/name'] as string))];
    const ports = new Map(names.map((n) => [n, isApp(n) ? defaultPort(n) : 5432]));
    for (const from of names) {
      for (const to of names) {
        if (from === to) continue;
        const key = `${from}->${to}:${ports.get(to)}`;
        expect(allowed(overlay, pod(from), pod(to), ports.get(to)!), key).toBe(expected.has(key));
      }
    }
    // DNS for everyone; the router from outside: anyone in development, the Ingress controller in production.
    const dns = one(overlay, 'NetworkPolicy', 'dns');
    expect(dns.spec.podSelector).toEqual({});
    const routerIngress = one(overlay, 'NetworkPolicy', 'router-ingress');
    if (overlay === 'production')
      expect(routerIngress.spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }]);
    else expect(routerIngress.spec.ingress[0].from).toBeUndefined();
  });

  test('PgBouncer: session pooling whose server connections fit Postgres, for the subgraphs’ most replicas', () => {
    const ini = all(overlay, 'ConfigMap').find((c) => baseName(overlay, c.metadata.name) === 'pgbouncer')!.data!['pgbouncer.ini']!;
    const setting = (key: string) => Number(new RegExp(`^${key}\\s*=\\s*(\\d+)`, 'm').exec(ini)?.[1]);
    expect(ini).toMatch(/^pool_mode = session$/m);
    expect(ini).toMatch(/^track_extra_parameters = statement_timeout$/m);
    const pgbouncer = one(overlay, 'Deployment', 'pgbouncer');
    const poolers = pgbouncer.spec.replicas as number;
    const perDatabase = setting('max_db_connections');
    const migratePool = Number(/^postgres = .*pool_size=(\d+)/m.exec(ini)?.[1]);
    // Its own rollout runs one replica more (no client loses its pool), which Postgres must allow too.
    const surge = pgbouncer.spec.strategy?.rollingUpdate?.maxSurge as number;
    expect(surge).toBe(1);
    const serverConnections = (poolers + surge) * (SUBGRAPH_NAMES.length * perDatabase + migratePool);
    if (overlay === 'development') {
      const args = podTemplate(one(overlay, 'StatefulSet', 'postgres-server')).spec.containers[0].args as string[];
      expect(serverConnections).toBeLessThanOrEqual(Number(args[args.indexOf('-c') + 1]!.split('=')[1]) - 3);
    }
    // A subgraph replica opens its request pool and its outbox relay's (prisma/src/pool.ts).
    for (const subgraph of SUBGRAPH_NAMES) {
      const max = all(overlay, 'HorizontalPodAutoscaler').find((h) => h.metadata.name === subgraph)!.spec.maxReplicas as number;
      expect(max * (REQUEST_POOL_SIZE + RELAY_POOL_SIZE), `${subgraph}: every client connection gets a server connection`).toBeLessThanOrEqual(
        poolers * perDatabase,
      );
    }
  });

  test('the router alone is exposed, in production only, with CORS_ORIGINS set; it trusts X-Forwarded-For only behind the Ingress', () => {
    const ingresses = all(overlay, 'Ingress');
    const routerEnv = containerEnvironment(overlay, one(overlay, 'Deployment', 'router'));
    const cors = routerEnv.CORS_ORIGINS;
    expect(cors).toBeTruthy();
    if (overlay === 'development') {
      expect(ingresses).toEqual([]);
      expect(cors).toBe('*');
      // Reached directly, a client would pick its own address for the per-address limits.
      expect(routerEnv.TRUST_PROXY).toBeUndefined();
      return;
    }
    expect(routerEnv.TRUST_PROXY).toBe('1');
    expect(cors).not.toBe('*');
    const backends = ingresses.flatMap((i) =>
      i.spec.rules.flatMap((r: { http: { paths: Array<{ backend: { service: { name: string } } }> } }) => r.http.paths.map((p) => p.backend.service.name)),
    );
    expect(backends).toEqual(['router']);
    for (const service of all(overlay, 'Service')) expect(service.spec.type ?? 'ClusterIP', service.metadata.name).toBe('ClusterIP');
  });

  test('the migrate Job is an Argo CD Sync hook (not PreSync, which on a first install runs before the PgBouncer and Secrets it needs exist), and its pod is a one-shot', () => {
    const job = one(overlay, 'Job', 'migrate');
    expect(job.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('Sync');
    expect(job.metadata.annotations?.['argocd.argoproj.io/hook-delete-policy']).toBe('BeforeHookCreation');
    expect(podTemplate(job).spec.restartPolicy).not.toBe('Always');
  });
});

describe.skipIf(!KUBECTL)('kubernetes: the repository', () => {
  test('holds no secret material: the development overlay’s ./secrets is ignored by git', () => {
    const dir = join(ROOT, 'deploy/kubernetes/overlays/development/secrets');
    const ignored = execFileSync('git', ['check-ignore', '-q', '--no-index', `${dir}/`], { cwd: ROOT, stdio: 'ignore' });
    expect(ignored).toBeDefined();
    if (existsSync(dir)) {
      const tracked = execFileSync('git', ['ls-files', dir], { cwd: ROOT, encoding: 'utf8' });
      expect(tracked).toBe('');
    }
  });

  test('the README’s Kubernetes section shows render, secrets, apply and scale, with commands that name real files', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Kubernetes');
    expect(start).toBeGreaterThan(readme.indexOf('\n## Docker Compose'));
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end === -1 ? undefined : end);
    for (const command of ['kubectl kustomize', 'kubectl create secret generic', 'kubectl apply -k', 'kubectl scale', 'pnpm secrets:production'])
      expect(section).toContain(command);
    for (const path of section.match(/deploy\/kubernetes\/[\w./-]+/g) ?? []) {
      if (!path.endsWith('/secrets')) expect(existsSync(join(ROOT, path.replace(/[.]$/, ''))), path).toBe(true);
    }
    for (const secret of OPERATOR_SECRETS) expect(section, secret).toContain(`kubectl create secret generic ${secret} `);
    // Each command puts in every key the production pods mount from that Secret.
    if (!KUBECTL) return;
    for (const workload of workloads('production')) {
      for (const volume of podTemplate(workload).spec.volumes ?? []) {
        const sources = [
          volume.secret && { name: volume.secret.secretName, items: volume.secret.items },
          ...(volume.projected?.sources ?? []).map((s: { secret?: unknown }) => s.secret),
        ];
        for (const source of sources.filter(Boolean) as Array<{ name: string; items: Array<{ key: string }> }>) {
          const command = section.split('\n').find((line) => line.includes(`kubectl create secret generic ${source.name} `)) ?? '';
          for (const { key } of source.items) expect(command, `${workload.metadata.name}: ${source.name}/${key}`).toContain(`--from-file=secrets/${key}`);
        }
      }
    }
  });
});
