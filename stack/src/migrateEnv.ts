import { SERVICE_NAMES, type DatabaseUrls } from '@quizgraph/prisma/runtime';
import { nodeEnvSchema, parseEnv, variableOrFile } from '@quizgraph/service-kit';
import { z } from 'zod';

/**
 * The only reader of process.env for the migrate command (`pnpm db:migrate`; in a container `node
 * dist/migrate.mjs`, docker-compose.yml's `migrate`). Database URLs hold a password: each is read inline
 * or from the file its `_FILE` variable names.
 */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  /** Development only: the key folder every process shares, where the development keys are made. */
  QUIZGRAPH_KEYS_DIR: z.string().min(1).optional(),
});

export interface MigrateEnv {
  production: boolean;
  /** Where the migrations go: each service's database as given, or all three created on one server. */
  target: { kind: 'urls'; urls: DatabaseUrls } | { kind: 'server'; serverUrl: string };
  /**
   * Development (QUIZGRAPH_KEYS_DIR set, NODE_ENV not production): the folder in which to make the
   * development keys before any service starts, since services starting at once would each make a
   * different first key. Production: undefined, keys come from the environment or files.
   */
  devKeysDir: string | undefined;
}

const url = (name: string) => (value: string | undefined) => {
  if (value === undefined) return undefined;
  if (!z.string().url().safeParse(value).success) throw new Error(`The migrate command cannot start: ${name} is not a URL.`);
  return value;
};

export function loadEnv(env: NodeJS.ProcessEnv = process.env): MigrateEnv {
  const e = parseEnv(schema, env, 'migrate command');
  const production = e.NODE_ENV === 'production';
  const variables = SERVICE_NAMES.map((service) => `${service.toUpperCase()}_DATABASE_URL`);
  const urls = SERVICE_NAMES.map((service, i) => [service, url(variables[i]!)(variableOrFile(env, variables[i]!))] as const);
  const serverUrl = url('DATABASE_SERVER_URL')(variableOrFile(env, 'DATABASE_SERVER_URL'));
  const given = urls.filter(([, value]) => value !== undefined).length;
  if (given !== 0 && given !== urls.length) {
    throw new Error(`The migrate command cannot start: set all of ${variables.join(', ')} (or their _FILE variables), or none.`);
  }
  let target: MigrateEnv['target'];
  if (given === urls.length) target = { kind: 'urls', urls: Object.fromEntries(urls) as DatabaseUrls };
  else if (serverUrl !== undefined) target = { kind: 'server', serverUrl };
  else {
    throw new Error(
      `The migrate command cannot start: set DATABASE_SERVER_URL (a server on which to create the databases), or ${variables.join(', ')} (or their _FILE variables).`,
    );
  }
  return { production, target, devKeysDir: production ? undefined : e.QUIZGRAPH_KEYS_DIR };
}
