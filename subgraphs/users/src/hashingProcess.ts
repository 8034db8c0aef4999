/**
 * The password-hashing helper: a child process of the users service (forked by hashingHelper.ts) that
 * runs every argon2 computation at the lowest CPU priority, so that on a busy machine hashing takes the
 * cores only when reads leave them idle. Built as its own bundle (dist/password-hasher.mjs, see
 * build/src/build.ts); under tsx it runs from this source.
 *
 * On Linux a thread's nice value is its own, and a new thread inherits its creator's: so the priority is
 * lowered first on this thread, then on every thread the process already has (Node's platform threads,
 * a loader's, a thread pool started early), and only then is argon2 loaded. Threads started afterwards
 * (libuv's pool, which argon2 runs on) are created by niced threads, and are niced too.
 */
import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import type { HashingReply, HashingRequest } from './hashingProtocol.js';

export const HASHING_NICE = constants.priority.PRIORITY_LOW; // 19

function lowerPriority(): void {
  setPriority(HASHING_NICE);
  if (process.platform !== 'linux') return;
  for (const task of readdirSync('/proc/self/task')) {
    try {
      // A thread id names that one thread to setpriority(2) on Linux.
      setPriority(Number(task), HASHING_NICE);
    } catch {
      // The thread ended meanwhile.
    }
  }
}

if (!process.send) {
  console.error('hashingProcess.ts is the users service’s password-hashing helper: it runs only as its child (hashingHelper.ts).');
  process.exit(2);
}
lowerPriority();
const { default: argon2 } = await import('argon2');

const send = (reply: HashingReply) => process.send!(reply);

async function compute(request: HashingRequest): Promise<string | boolean> {
  if (request.op === 'hash') return argon2.hash(request.password, { type: argon2.argon2id });
  try {
    return await argon2.verify(request.hash, request.password);
  } catch {
    // A stored hash argon2 cannot read matches no password.
    return false;
  }
}

process.on('message', (request: HashingRequest) => {
  compute(request).then(
    (value) => send({ id: request.id, ok: true, value }),
    (error: unknown) => send({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
// The helper lives and dies with the users service: Ctrl-C in a terminal reaches the whole process
// group, but the service, still draining, may have sign-ins to check; the helper ends when its channel
// to the service closes (the service stopped it, or is gone).
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
process.once('disconnect', () => process.exit(0));
send({ ready: true });
