import {
  classifyWaitError,
  type DatabaseUrls,
  isUpToDate,
  type MigrationStatus,
  migrationStatus,
  SERVICE_NAMES,
  type ServiceName,
} from '@quizgraph/prisma/runtime';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The migrate command's `--check` and `--wait`: whether each database holds every migration this
 * code ships, read from its `_prisma_migrations`, changing nothing. `--wait` is what a subgraph's
 * init container runs, so that a pod of a new release does not start before the migrate Job has
 * migrated its database.
 */
type Log = (line: string) => void;

const list = (names: readonly string[]) => `${names.length}: ${names.join(', ')}`;

/** One line about a service's database: up to date, or what it lacks. */
export function describeStatus(status: MigrationStatus): string {
  const parts: string[] = [];
  if (status.database === 'missing') parts.push('the database does not exist yet');
  if (status.database === 'unmigrated') parts.push('no migration applied yet');
  if (status.pending.length > 0) parts.push(`pending ${list(status.pending)}`);
  if (status.failed.length > 0) parts.push(`failed or unfinished ${list(status.failed)}`);
  if (isUpToDate(status)) parts.push('up to date');
  // A newer release migrated already (migrations only add): an older pod may still run on it.
  if (status.unknown.length > 0) parts.push(`applied but not shipped here (the database is newer) ${list(status.unknown)}`);
  return `${status.service}: ${parts.join('; ')}`;
}

const chosen = (urls: Partial<DatabaseUrls>) => SERVICE_NAMES.flatMap((service) => (urls[service] === undefined ? [] : [[service, urls[service]] as const]));

/**
 * `--check`: one line per service. 'up to date' when nothing is pending or failed anywhere,
 * 'behind' otherwise, 'error' when a database could not be read (then the others are still reported).
 */
export async function checkMigrations(urls: Partial<DatabaseUrls>, log: Log): Promise<'up to date' | 'behind' | 'error'> {
  let behind = false;
  let failed = false;
  for (const [service, url] of chosen(urls)) {
    try {
      const status = await migrationStatus(url, service);
      log(describeStatus(status));
      behind ||= !isUpToDate(status);
    } catch (error) {
      log(`${service}: cannot read its migrations: ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
    }
  }
  return failed ? 'error' : behind ? 'behind' : 'up to date';
}

export interface WaitOptions {
  timeoutMs: number;
  /** Between two rounds of checks. */
  intervalMs?: number;
  /** At most one progress report in this long, so a long wait does not flood the pod's log. */
  logEveryMs?: number;
}

/**
 * `--wait`: checks every `intervalMs` until every service is up to date (true) or `timeoutMs` has
 * passed (false, after naming what is still missing). A server that cannot be reached or does not
 * accept us yet (also through PgBouncer), a database that does not exist and one without
 * `_prisma_migrations` are "not yet"; any other error (a wrong password, also as PgBouncer words it, a
 * missing permission, an image without its migrations) is thrown, since waiting will not fix it (see
 * classifyWaitError).
 */
export async function waitForMigrations(urls: Partial<DatabaseUrls>, options: WaitOptions, log: Log): Promise<boolean> {
  const { timeoutMs, intervalMs = 2_000, logEveryMs = 10_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let waiting = new Map<ServiceName, string>(chosen(urls));
  let lastReport = Number.NEGATIVE_INFINITY;
  for (;;) {
    const notYet = new Map<ServiceName, string>();
    const reasons: string[] = [];
    for (const [service, url] of waiting) {
      try {
        const status = await migrationStatus(url, service);
        if (isUpToDate(status)) log(describeStatus(status));
        else {
          notYet.set(service, url);
          reasons.push(describeStatus(status));
        }
      } catch (error) {
        if (classifyWaitError(error) === 'fatal') throw new Error(`${service}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        notYet.set(service, url);
        reasons.push(`${service}: cannot connect yet (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    waiting = notYet;
    if (waiting.size === 0) return true;
    const left = deadline - Date.now();
    if (left <= 0) {
      log(`gave up waiting after ${Math.round(timeoutMs / 1000)} s (MIGRATE_WAIT_TIMEOUT_SECONDS); still not migrated:`);
      for (const reason of reasons) log(`  ${reason}`);
      return false;
    }
    if (Date.now() - lastReport >= logEveryMs) {
      lastReport = Date.now();
      log(`waiting for the migrations (${Math.ceil(left / 1000)} s left): ${reasons.join(' | ')}`);
    }
    await sleep(Math.min(intervalMs, left));
  }
}
