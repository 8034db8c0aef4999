import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Ignored: embedded Postgres data, development keys. */
export const DATA_DIR = join(REPO_ROOT, '.data');

export const SERVICE_NAMES = ['users', 'quizzes', 'results'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function isServiceName(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}

export interface ServiceSchemaPaths {
  schema: string;
  migrations: string;
}

export function schemaPaths(service: ServiceName): ServiceSchemaPaths {
  const prismaDir = join(REPO_ROOT, 'subgraphs', service, 'prisma');
  return { schema: join(prismaDir, 'schema.prisma'), migrations: join(prismaDir, 'migrations') };
}
