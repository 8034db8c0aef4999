import { REPO_ROOT, type DatabaseUrls } from '@quizgraph/prisma';
import { CREDENTIAL_HOLDERS, loadOrCreateDevKeyRing } from '@quizgraph/service-kit';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StackPorts } from './stack.js';
import { folder, PROCESS_NAMES, ROUTER, wiringEnvironment, type ProcessName, type SubgraphName, type Wiring } from '@quizgraph/topology';

/** The processes of the product in the order they start: the service list's (the access-token issuer first), then the router. */
export const SERVICE_PROCESSES = PROCESS_NAMES;
export type ServiceProcessName = ProcessName;

/** Each process's own entry point: the same one a container runs (`subgraphs/<name>/src/index.ts`). */
const entryPoint = (name: ServiceProcessName) => join(REPO_ROOT, name === ROUTER.name ? 'router' : folder(name as SubgraphName), 'src/index.ts');

/** tsx as this package resolves it, so a child finds it whatever its working directory. */
const TSX = import.meta.resolve('tsx');
const EXIT_WITH_PARENT = fileURLToPath(new URL('./exitWithParent.ts', import.meta.url));

export interface ChildSpec {
  /** Names the process in messages. */
  name: string;
  /** Node arguments before the script (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** The script, run with tsx, and its arguments. */
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Polled until it answers 2xx. */
  readyUrl: string;
  /** Where its stdout and stderr go: the terminal (default), or nowhere. */
  output?: 'inherit' | 'ignore';
}

export interface RunningChild {
  name: string;
  pid: number;
  /** Resolves with how it ended, expectedly or not. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (it drains and exits), then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const describeExit = ({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }) => (signal ? `killed by ${signal}` : `exit code ${code}`);

/**
 * Spawns one Node process (tsx for TypeScript, and the exitWithParent guard) in a process group of its
 * own, so that Ctrl-C in the terminal reaches only its parent, which stops the children in order.
 * Resolves once `readyUrl` answers 2xx; rejects, with the child stopped, if it exits first or is not
 * ready within `timeoutMs`.
 */
export async function spawnChild(spec: ChildSpec, timeoutMs = 60_000): Promise<RunningChild> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', TSX, '--import', EXIT_WITH_PARENT, ...(spec.nodeArgs ?? []), spec.script, ...(spec.args ?? [])],
    {
      cwd: spec.cwd ?? REPO_ROOT,
      env: spec.env,
      detached: true,
      stdio: spec.output === 'ignore' ? ['ignore', 'ignore', 'ignore', 'ipc'] : ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  // The IPC channel is only the child's way of noticing that this process is gone (the child itself
  // keeps this process alive while it runs).
  child.channel?.unref();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  let ended = false;
  void exited.then(() => (ended = true));
  let stopping: Promise<void> | undefined;
  const running: RunningChild = {
    name: spec.name,
    pid: child.pid ?? -1,
    exited,
    stop: (graceMs = 30_000) =>
      (stopping ??= (async () => {
        if (ended) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      })()),
  };
  if (child.pid === undefined) {
    throw new Error(`${spec.name}: could not start ${process.execPath} (${describeExit(await exited)})`);
  }

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (ended) throw new Error(`${spec.name} exited before it was ready (${describeExit(await exited)}).`);
    try {
      const response = await fetch(spec.readyUrl, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return running;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await running.stop(5_000);
      throw new Error(`${spec.name} was not ready within ${timeoutMs / 1000} s (${spec.readyUrl}).`);
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 100)), exited]);
  }
}

/** A port nobody listens on now, for a child that must be told its port before it starts. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcessesOptions {
  databases: DatabaseUrls;
  /** Development keys (generated here before any process starts, so that none races another to make them). */
  keysDir: string;
  /** The composed supergraph the router serves. */
  supergraphPath: string;
  /** 0 picks a free port. */
  ports: StackPorts;
  /** Where every process listens (default 127.0.0.1). */
  host?: string;
  logLevel?: string;
  /** Every process's environment before the launcher's own settings (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Extra Node arguments per process (the bench profiles the router with `--cpu-prof`). */
  nodeArgs?: Partial<Record<ServiceProcessName, string[]>>;
  /** Extra environment per process. */
  extraEnv?: Partial<Record<ServiceProcessName, NodeJS.ProcessEnv>>;
  output?: 'inherit' | 'ignore';
  /** How long a process may take to exit after SIGTERM before it is killed (default 30 s). */
  stopGraceMs?: number;
  /** Told when a process ends that nobody was stopping (the launcher does not stop the others itself). */
  onUnexpectedExit?: (service: ServiceProcessName, how: string) => void;
}

export interface ServiceProcess {
  name: ServiceProcessName;
  pid: number;
  port: number;
  /** e.g. http://localhost:4001 */
  origin: string;
  /** The GraphQL endpoint. */
  url: string;
}

export interface RunningServiceProcesses {
  router: ServiceProcess;
  services: Record<SubgraphName, ServiceProcess>;
}

export interface ServiceProcesses {
  /** Every process ready (each answered /ready), router last. Rejects if one fails to start. */
  ready: Promise<RunningServiceProcesses>;
  /**
   * Stops what has started (also while still starting), in reverse order: the router first, so no
   * new request reaches a subgraph that is closing; each one SIGTERM'd and awaited (it drains its
   * requests and closes its pools). Once however often it is called.
   */
  stop(): Promise<void>;
}

/**
 * Runs the router and the subgraphs each in a process of its own, from their own entry points
 * (`subgraphs/<name>/src/index.ts`, `router/src/index.ts`), each reading its settings from its env.ts
 * as a container would: in the service list's order, then the router, each once the previous one
 * answers `/ready`.
 */
export function launchServiceProcesses(options: ServiceProcessesOptions): ServiceProcesses {
  const host = options.host ?? '127.0.0.1';
  const connectHost = ['0.0.0.0', '::'].includes(host) ? '127.0.0.1' : host;
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host) ? 'localhost' : host;
  const children: RunningChild[] = [];
  let stopping: Promise<void> | undefined;

  const start = async (): Promise<RunningServiceProcesses> => {
    // Made here, once: processes starting at once would each generate the missing ones.
    await loadOrCreateDevKeyRing(options.keysDir, 'access');
    for (const holder of CREDENTIAL_HOLDERS) await loadOrCreateDevKeyRing(options.keysDir, `service-${holder}`);
    const ports = Object.fromEntries(
      await Promise.all(SERVICE_PROCESSES.map(async (name) => [name, options.ports[name] === 0 ? await freePort(connectHost) : options.ports[name]] as const)),
    ) as Record<ServiceProcessName, number>;
    const internal = (name: ServiceProcessName) => `http://${connectHost}:${ports[name]}`;
    // Ports, databases, event recipients, internal channels, the JWKS: wired from the service list.
    const wiring: Wiring = { origin: internal, port: (name) => ports[name], databaseUrl: (name) => options.databases[name] };
    const own = (name: ServiceProcessName): NodeJS.ProcessEnv => ({
      ...wiringEnvironment(name, wiring),
      ...(name === ROUTER.name ? { SUPERGRAPH_PATH: options.supergraphPath } : {}),
    });
    const shown: Partial<Record<ServiceProcessName, ServiceProcess>> = {};
    for (const name of SERVICE_PROCESSES) {
      if (stopping) throw new Error('stopped while starting');
      const child = await spawnChild({
        name,
        script: entryPoint(name),
        nodeArgs: options.nodeArgs?.[name] ?? [],
        env: {
          ...(options.env ?? process.env),
          NODE_ENV: 'development',
          HOST: host,
          LOG_LEVEL: options.logLevel ?? 'info',
          QUIZGRAPH_KEYS_DIR: options.keysDir,
          // @apollo/gateway reports usage to Apollo unless told not to; a local run reports nothing.
          APOLLO_TELEMETRY_DISABLED: (options.env ?? process.env).APOLLO_TELEMETRY_DISABLED ?? 'true',
          ...own(name),
          ...options.extraEnv?.[name],
        },
        readyUrl: `${internal(name)}/ready`,
        ...(options.output ? { output: options.output } : {}),
      });
      children.push(child);
      void child.exited.then((how) => {
        if (!stopping) options.onUnexpectedExit?.(name, describeExit(how));
      });
      const origin = `http://${shownHost}:${ports[name]}`;
      shown[name] = { name, pid: child.pid, port: ports[name], origin, url: `${origin}/graphql` };
    }
    const { router, ...services } = shown as Record<ServiceProcessName, ServiceProcess>;
    return { router, services };
  };

  const stop = () =>
    (stopping ??= (async () => {
      // A child still being spawned is pushed after its readiness: wait for start() to settle first.
      await ready.catch(() => undefined);
      for (const child of [...children].reverse()) await child.stop(options.stopGraceMs);
    })());
  const ready = start().catch(async (error: unknown) => {
    if (!stopping) for (const child of [...children].reverse()) await child.stop(options.stopGraceMs);
    throw error;
  });
  return { ready, stop };
}

/** launchServiceProcesses, awaited: the processes and their `stop` (the bench). */
export async function startServiceProcesses(options: ServiceProcessesOptions): Promise<RunningServiceProcesses & { stop(): Promise<void> }> {
  const launched = launchServiceProcesses(options);
  return { ...(await launched.ready), stop: launched.stop };
}
