import type { RunningService } from '@quizgraph/service-kit';
import { createTestKeys, silentLogger, subgraphClient } from '@quizgraph/service-kit/testing';
import argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashingHelper } from '../src/hashingHelper.js';
import { configurePasswordWork, passwordHelperPid } from '../src/passwords.js';
import { startUsersService } from '../src/server.js';
import { testUsersOptions } from './fixture.js';

/** Made with argon2.hash(…, { type: argon2id }) in the service's own process, before the helper existed. */
const STORED_HASH = '$argon2id$v=19$m=65536,t=3,p=4$CMAZBre+N35odDjoEnBGFg$X1aEWmV6bynlgaqshQ7O+0VNzujvaxPF1bVJHm72qbI';
const STORED_PASSWORD = 'a password stored before the helper';
const PASSWORD = 'correct horse battery';

let users: RunningService;
let asRouter: ReturnType<typeof subgraphClient>;
let fixtures: string;

/** Each thread of a process with its nice value (field 19 of /proc/<pid>/task/<tid>/stat). */
async function threadNices(pid: number): Promise<number[]> {
  const nices: number[] = [];
  for (const task of await readdir(`/proc/${pid}/task`)) {
    const stat = await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').catch(() => undefined);
    if (!stat) continue; // ended meanwhile
    // Fields 3 onwards follow the command name, which is in parentheses and may hold spaces.
    nices.push(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19 - 3]));
  }
  return nices;
}

const exited = (pid: number) =>
  new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(poll);
        resolve();
      }
    }, 20);
  });

const LOGIN = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }`;
const login = (email: string) => asRouter(LOGIN, { variables: { e: email, p: PASSWORD } });

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), 'quizgraph-hashing-'));
  const keys = await createTestKeys();
  users = await startUsersService(testUsersOptions(keys));
  asRouter = subgraphClient(users.url, 'users', keys.signer('router'));
});

afterAll(async () => {
  await users?.close();
  await rm(fixtures, { recursive: true, force: true });
});

async function signUp(): Promise<string> {
  const email = `hasher-${randomUUID()}@test.quizgraph.dev`;
  const { errors } = await asRouter(`mutation ($e: String!, $p: String!) { register(email: $e, password: $p, displayName: "Hasher") { user { id } } }`, {
    variables: { e: email, p: PASSWORD },
  });
  expect(errors).toBeUndefined();
  return email;
}

describe('the password-hashing helper', () => {
  it('verifies hashes made in-process before it, and makes hashes of the same format and cost', async () => {
    const helper = new HashingHelper();
    try {
      expect(await helper.verify(STORED_HASH, STORED_PASSWORD)).toBe(true);
      expect(await helper.verify(STORED_HASH, 'not it')).toBe(false);
      expect(await helper.verify('not a hash', STORED_PASSWORD)).toBe(false);
      const made = await helper.hash(STORED_PASSWORD);
      // argon2id, version 19, 64 MiB, 3 passes, 4 lanes: the parameters of the stored hash.
      expect(made).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
      expect(made.split('$').slice(0, 4)).toEqual(STORED_HASH.split('$').slice(0, 4));
      expect(await argon2.verify(made, STORED_PASSWORD)).toBe(true);
    } finally {
      await helper.stop();
    }
  });

  it.runIf(process.platform === 'linux')('runs every thread at nice 19, and leaves the service’s priority alone', async () => {
    const email = await signUp();
    expect((await login(email)).errors).toBeUndefined();
    const pid = passwordHelperPid()!;
    expect(pid).toBeGreaterThan(0);
    const nices = await threadNices(pid);
    // Node's own threads and libuv's pool, on which argon2 just ran.
    expect(nices.length).toBeGreaterThan(4);
    expect(new Set(nices)).toEqual(new Set([19]));
    // This process (the service's) keeps its own priority, whatever it was started with.
    const own = getPriority();
    expect(own).toBeLessThan(19);
    expect(new Set(await threadNices(process.pid))).toEqual(new Set([own]));
  });

  it('is restarted when it dies: the next sign-in works', async () => {
    const email = await signUp();
    const before = passwordHelperPid()!;
    process.kill(before, 'SIGKILL');
    await exited(before);
    expect((await login(email)).errors).toBeUndefined();
    expect(passwordHelperPid()).not.toBe(before);
  });

  it('answers what it was computing when it dies with SERVICE_UNAVAILABLE, then computes again', async () => {
    const helper = new HashingHelper();
    try {
      await helper.start();
      const pid = helper.pid!;
      const inFlight = helper.hash('killed while hashing');
      setTimeout(() => process.kill(pid, 'SIGKILL'), 20);
      await expect(inFlight).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
      expect(await helper.verify(STORED_HASH, STORED_PASSWORD)).toBe(true);
      expect(helper.pid).not.toBe(pid);
    } finally {
      await helper.stop();
    }
  });

  it('refuses sign-ins with SERVICE_UNAVAILABLE while it cannot start, and signs in once it can', async () => {
    const email = await signUp();
    configurePasswordWork({}, { module: join(fixtures, 'missing.mjs'), logger: silentLogger });
    try {
      const { errors } = await login(email);
      expect(errors?.[0]).toMatchObject({
        message: 'Password checking is unavailable right now (the helper could not start). Try again in a few seconds.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    } finally {
      configurePasswordWork({}, { logger: silentLogger });
    }
    expect((await login(email)).errors).toBeUndefined();
  });

  it('gives up on a computation it does not answer in time, and replaces a helper that answers nothing', async () => {
    // A helper that starts, then never answers.
    const mute = join(fixtures, 'mute.mjs');
    await writeFile(mute, "process.on('message', () => {}); process.once('disconnect', () => process.exit(0)); process.send({ ready: true });\n");
    const helper = new HashingHelper({ module: mute, requestTimeoutMs: 300 });
    try {
      await helper.start();
      const pid = helper.pid!;
      await expect(helper.hash('never answered')).rejects.toMatchObject({
        message: 'Password checking is unavailable right now (no answer within 0.3 s). Try again in a few seconds.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      await exited(pid);
    } finally {
      await helper.stop();
    }
  });
});
