import { folder, isSubgraphName, SUBGRAPH_NAMES, type SubgraphName } from '@quizgraph/topology';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Ignored: embedded Postgres data, development keys. */
export const DATA_DIR = join(REPO_ROOT, '.data');

/** The subgraphs, each with a database of its own: the service list's (@quizgraph/topology). */
export const SERVICE_NAMES = SUBGRAPH_NAMES;
export type ServiceName = SubgraphName;

export function isServiceName(name: string): name is ServiceName {
  return isSubgraphName(name);
}

export interface ServiceSchemaPaths {
  schema: string;
  migrations: string;
}

export function schemaPaths(service: ServiceName): ServiceSchemaPaths {
  const prismaDir = join(REPO_ROOT, folder(service), 'prisma');
  return { schema: join(prismaDir, 'schema.prisma'), migrations: join(prismaDir, 'migrations') };
}
