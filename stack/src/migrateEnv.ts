import { type DatabaseRole, type DatabaseUrls, isServiceName, parseDatabaseRoles, SERVICE_NAMES, type ServiceName } from '@quizgraph/prisma/runtime';
import { nodeEnvSchema, parseEnv, variableOrFile } from '@quizgraph/service-kit';
import { variables } from '@quizgraph/topology';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/**
 * The only reader of process.env (and of the command line) for the migrate command (`pnpm db:migrate`;
 * in a container `node dist/migrate.mjs`, docker-compose.yml's `migrate`, and each subgraph's init
 * container with `--wait --service <name>`). Database URLs hold a password: each is read inline or
 * from the file its `_FILE` variable names.
 */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  /** Development only: the key folder every process shares, where the development keys are made. */
  QUIZGRAPH_KEYS_DIR: z.string().min(1).optional(),
  /** `--service` for an environment (compose, Kubernetes): comma-separated names; the flag wins. */
  MIGRATE_SERVICES: z.string().optional(),
  /** How long `--wait` waits for the migrations before it gives up (exit 3). */
  MIGRATE_WAIT_TIMEOUT_SECONDS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of seconds')
    .transform(Number)
    .refine((seconds) => seconds >= 1 && seconds <= 86_400, 'must be from 1 to 86400 seconds')
    .default(300),
});

export const USAGE = 'Usage: migrate [--check | --wait] [--service <name>]...';

/** The command line (or MIGRATE_SERVICES) is wrong: exit code 2, as for any command used wrongly. */
export class MigrateUsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${USAGE}`);
  }
}

/**
 * `apply`: create missing databases (server target) and apply pending migrations.
 * `check`: compare each database's `_prisma_migrations` with the shipped migrations, change nothing.
 * `wait`: check until nothing is pending, or the timeout.
 */
export type MigrateMode = 'apply' | 'check' | 'wait';

export interface MigrateEnv {
  production: boolean;
  mode: MigrateMode;
  /** The services to act on, in the list's order: `--service` (or MIGRATE_SERVICES), else all. */
  services: ServiceName[];
  /**
   * Where their databases are: each one's URL as given (only the chosen services'), or a server on
   * which they are named `quizgraph_<name>` (and created by `apply` if missing).
   */
  target: { kind: 'urls'; urls: Partial<DatabaseUrls> } | { kind: 'server'; serverUrl: string };
  waitTimeoutSeconds: number;
  /**
   * DATABASE_ROLES (or its _FILE, the `database-roles` secret, PgBouncer's userlist format): the login
   * role of each service database, made by `apply` on the server so that each service connects as a
   * role of its own (prepareServiceDatabases). Empty without it: the databases are the server user's.
   */
  roles: DatabaseRole[];
  /**
   * Development (QUIZGRAPH_KEYS_DIR set, NODE_ENV not production, mode `apply`): the folder in which to
   * make the development keys before any service starts, since services starting at once would each
   * make a different first key. Otherwise undefined: production keys come from the environment or
   * files, and a check needs none.
   */
  devKeysDir: string | undefined;
}

const url = (name: string) => (value: string | undefined) => {
  if (value === undefined) return undefined;
  if (!z.string().url().safeParse(value).success) throw new Error(`The migrate command cannot start: ${name} is not a URL.`);
  return value;
};

function parseCommandLine(args: readonly string[]) {
  // `pnpm db:migrate -- --check` hands the script its `--` too; parseArgs would take it as the end of the options.
  const given = args[0] === '--' ? args.slice(1) : args;
  try {
    return parseArgs({
      args: [...given],
      strict: true,
      allowPositionals: false,
      options: { check: { type: 'boolean' }, wait: { type: 'boolean' }, service: { type: 'string', multiple: true } },
    }).values;
  } catch (error) {
    throw new MigrateUsageError(`The migrate command cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function chosenServices(names: readonly string[], source: string): ServiceName[] {
  const unknown = names.filter((name) => !isServiceName(name));
  if (unknown.length > 0 || names.length === 0) {
    const what = unknown.length > 0 ? `${unknown.map((name) => JSON.stringify(name)).join(', ')} is not a service` : 'names no service';
    throw new MigrateUsageError(`The migrate command cannot start: ${source} ${what}; the services are ${SERVICE_NAMES.join(', ')}.`);
  }
  return SERVICE_NAMES.filter((service) => names.includes(service));
}

/** The settings of the command as started: this process's environment and command line. */
export function loadCommand(): MigrateEnv {
  return loadEnv(process.env, process.argv.slice(2));
}

/** The settings from `env` and the command line's `args` (none: apply, to every service). */
export function loadEnv(env: NodeJS.ProcessEnv = process.env, args: readonly string[] = []): MigrateEnv {
  const flags = parseCommandLine(args);
  if (flags.check && flags.wait) throw new MigrateUsageError('The migrate command cannot start: --check and --wait exclude each other.');
  const mode: MigrateMode = flags.check ? 'check' : flags.wait ? 'wait' : 'apply';
  const e = parseEnv(schema, env, 'migrate command');
  let services = [...SERVICE_NAMES];
  if (flags.service) services = chosenServices(flags.service, '--service');
  else if (e.MIGRATE_SERVICES?.trim()) {
    const names = e.MIGRATE_SERVICES.split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    services = chosenServices(names, 'MIGRATE_SERVICES');
  }

  const production = e.NODE_ENV === 'production';
  // Only the chosen services' URLs are read: an init container is given its own service's alone.
  const names = services.map((service) => variables.databaseUrl(service));
  const urls = services.map((service, i) => [service, url(names[i]!)(variableOrFile(env, names[i]!))] as const);
  const serverUrl = url('DATABASE_SERVER_URL')(variableOrFile(env, 'DATABASE_SERVER_URL'));
  const files = names.length === 1 ? 'or its _FILE variable' : 'or their _FILE variables';
  const given = urls.filter(([, value]) => value !== undefined).length;
  if (given !== 0 && given !== urls.length) {
    throw new Error(`The migrate command cannot start: set all of ${names.join(', ')} (${files}), or none.`);
  }
  let target: MigrateEnv['target'];
  if (given === urls.length) target = { kind: 'urls', urls: Object.fromEntries(urls) as Partial<DatabaseUrls> };
  else if (serverUrl !== undefined) target = { kind: 'server', serverUrl };
  else {
    throw new Error(
      `The migrate command cannot start: set DATABASE_SERVER_URL (a server on which to create the databases), or ${names.join(', ')} (${files}).`,
    );
  }
  const rolesText = variableOrFile(env, 'DATABASE_ROLES');
  let roles: DatabaseRole[] = [];
  if (rolesText !== undefined) {
    if (target.kind !== 'server') {
      throw new Error(
        'The migrate command cannot start: DATABASE_ROLES makes roles on the server in DATABASE_SERVER_URL; with the services’ own *_DATABASE_URL given, there is no server to make them on. Give DATABASE_SERVER_URL instead.',
      );
    }
    try {
      roles = parseDatabaseRoles(rolesText, env.DATABASE_ROLES_FILE ?? 'DATABASE_ROLES');
    } catch (error) {
      throw new Error(`The migrate command cannot start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    production,
    mode,
    services,
    target,
    roles,
    waitTimeoutSeconds: e.MIGRATE_WAIT_TIMEOUT_SECONDS,
    devKeysDir: production || mode !== 'apply' ? undefined : e.QUIZGRAPH_KEYS_DIR,
  };
}
