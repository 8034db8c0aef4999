import { QuizgraphError, type Logger } from '@quizgraph/service-kit';
import { REPO_ROOT } from '@quizgraph/prisma/runtime';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HashingReply, HashingRequest, HashingWork } from './hashingProtocol.js';

/** The helper's bundle in the production build (an entry of build/src/build.ts), beside users.mjs. */
export const HASHING_PROCESS_BUNDLE = 'password-hasher.mjs';

/**
 * The module to fork: this package's source when there is one (run with tsx, as `pnpm start` and the
 * tests run the service), else the production build's bundle, in the bundle's folder (which the
 * build makes REPO_ROOT).
 */
export function hashingProcessModule(): string {
  const source = fileURLToPath(new URL('./hashingProcess.ts', import.meta.url));
  return existsSync(source) ? source : join(REPO_ROOT, HASHING_PROCESS_BUNDLE);
}

export interface HashingHelperOptions {
  /** The helper's module (default: hashingProcessModule()). */
  module?: string;
  /** How long the helper may take to start, in ms. */
  startTimeoutMs?: number;
  /** How long one computation may take once sent (queueing before it not counted), in ms. */
  requestTimeoutMs?: number;
  logger?: Logger;
}

const unavailable = (why: string) =>
  new QuizgraphError('SERVICE_UNAVAILABLE', `Password checking is unavailable right now (${why}). Try again in a few seconds.`);

interface Pending {
  resolve: (value: string | boolean) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  /** Replies received from the helper when this request was sent: unchanged at its timeout, the helper is stuck. */
  repliesAtSend: number;
}

/**
 * The users service's side of the password-hashing helper (hashingProcess.ts): forks it on first use,
 * sends it each computation over IPC and answers each caller exactly once: with the result, or with
 * SERVICE_UNAVAILABLE when the helper cannot start, dies (it is restarted at once) or does not answer
 * in time (if it answered nothing else meanwhile, it is stuck: killed and restarted). Never computes in
 * this process. Neither the helper nor its channel keeps this process alive; pending requests' timers do.
 */
export class HashingHelper {
  private child: ChildProcess | undefined;
  private starting: Promise<ChildProcess> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private replies = 0;
  private stopped = false;
  private readonly startTimeoutMs: number;
  private readonly requestTimeoutMs: number;

  constructor(private readonly options: HashingHelperOptions = {}) {
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  /** The running helper's process id (tests, diagnostics). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  hash(password: string): Promise<string> {
    return this.request({ op: 'hash', password }) as Promise<string>;
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.request({ op: 'verify', hash, password }) as Promise<boolean>;
  }

  /** Starts the helper now rather than at the first request (the service's start). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.ready();
  }

  /** Ends the helper; what it was computing is answered SERVICE_UNAVAILABLE. A later request starts it again. */
  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child ?? (await this.starting?.catch(() => undefined));
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.ref(); // until it is gone, even in a process with nothing else left to do
    child.kill('SIGKILL');
    await exited;
  }

  private async request(work: HashingWork): Promise<string | boolean> {
    this.stopped = false;
    const child = await this.ready();
    const id = this.nextId++;
    return new Promise<string | boolean>((resolve, reject) => {
      const timer = setTimeout(() => {
        const entry = this.pending.get(id);
        if (!entry) return;
        this.pending.delete(id);
        reject(unavailable(`no answer within ${this.requestTimeoutMs / 1000} s`));
        if (this.replies === entry.repliesAtSend && this.child === child) {
          this.options.logger?.error({ pid: child.pid }, 'password-hashing helper answered nothing in time; restarting it');
          child.kill('SIGKILL');
        }
      }, this.requestTimeoutMs);
      this.pending.set(id, { resolve, reject, timer, repliesAtSend: this.replies });
      const request: HashingRequest = { ...work, id };
      child.send(request, (error) => {
        if (error) this.settle(id, unavailable('the helper could not be reached'));
      });
    });
  }

  private settle(id: number, outcome: Error | string | boolean): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome);
  }

  private ready(): Promise<ChildProcess> {
    if (this.child) return Promise.resolve(this.child);
    this.starting ??= this.spawn().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private spawn(): Promise<ChildProcess> {
    const module = this.options.module ?? hashingProcessModule();
    // TypeScript runs through tsx's loader (the service itself may run under Vite in tests, so the
    // parent's own flags are no guide); the bundle needs plain node. Source maps as the parent has them.
    const execArgv = module.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
    if (process.execArgv.includes('--enable-source-maps')) execArgv.push('--enable-source-maps');
    return new Promise<ChildProcess>((resolve, reject) => {
      let child: ChildProcess;
      try {
        child = fork(module, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
      } catch (error) {
        this.options.logger?.error({ module, err: error }, 'password-hashing helper could not start');
        reject(unavailable('the helper could not start'));
        return;
      }
      child.unref();
      child.channel?.unref();
      let started = false;
      const failStart = (why: string) => {
        if (started) return;
        started = true;
        clearTimeout(timer);
        // The details for operators; the client learns only that it may try again.
        this.options.logger?.error({ module }, `password-hashing helper could not start: ${why}`);
        child.kill('SIGKILL');
        reject(unavailable('the helper could not start'));
      };
      const timer = setTimeout(() => failStart(`not ready within ${this.startTimeoutMs / 1000} s`), this.startTimeoutMs);
      child.on('message', (reply: HashingReply) => {
        if ('ready' in reply) {
          if (started) return;
          started = true;
          clearTimeout(timer);
          this.child = child;
          resolve(child);
          return;
        }
        this.replies++;
        this.settle(reply.id, reply.ok ? reply.value : new Error(`password hashing failed: ${reply.error}`));
      });
      child.once('error', (error) => failStart(error.message));
      child.once('exit', (code, signal) => {
        failStart(signal ? `it was killed by ${signal}` : `it exited with code ${code}`);
        if (this.child !== child) return;
        this.child = undefined;
        for (const id of [...this.pending.keys()]) this.settle(id, unavailable('the helper stopped'));
        if (this.stopped) return;
        this.options.logger?.error({ pid: child.pid, code, signal }, 'password-hashing helper ended; restarting it');
        this.ready().catch(() => {
          // Logged above; the next request tries again.
        });
      });
    });
  }
}
