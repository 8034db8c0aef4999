import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '@quizgraph/prisma';
import type { KeySettings, ShutdownSettings } from '@quizgraph/service-kit';
import { folder, isSubgraphName, PROCESS_NAMES, type ProcessName } from '@quizgraph/topology';

/** What the deployment tests read from any process's settings (each `src/env.ts` returns more). */
export interface ProcessSettings {
  production: boolean;
  host: string;
  port: number;
  keys: KeySettings;
  shutdown: ShutdownSettings;
  /** A subgraph's database. */
  databaseUrl?: string;
}

export type LoadProcessEnv = (env: NodeJS.ProcessEnv) => ProcessSettings;

/**
 * Each process's own configuration loader, the `loadEnv` of its `src/env.ts` (the router's and every
 * subgraph's of the service list), so the compose and Kubernetes checks run every process of the list,
 * a subgraph added later included, through the loader its container runs.
 */
export async function processEnvLoaders(): Promise<Record<ProcessName, LoadProcessEnv>> {
  const entries = await Promise.all(
    PROCESS_NAMES.map(async (name) => {
      const dir = isSubgraphName(name) ? folder(name) : 'router';
      const module = (await import(pathToFileURL(join(REPO_ROOT, dir, 'src/env.ts')).href)) as { loadEnv?: LoadProcessEnv };
      if (typeof module.loadEnv !== 'function') throw new Error(`${dir}/src/env.ts exports no loadEnv`);
      return [name, module.loadEnv] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ProcessName, LoadProcessEnv>;
}
