import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT, SERVICE_NAMES, schemaPaths } from './paths.js';

const require = createRequire(import.meta.url);

/**
 * `prisma generate` for every subgraph. The CLI insists on locating a native schema engine at start-up,
 * which cannot be downloaded everywhere; generate never runs it, so it is pointed at a stub that
 * explains where migrations really run if anything ever does call it.
 */
export function generateClients(): void {
  const cli = require.resolve('prisma/build/index.js');
  for (const service of SERVICE_NAMES) {
    const result = spawnSync(process.execPath, [cli, 'generate', '--schema', schemaPaths(service).schema], {
      cwd: join(REPO_ROOT, 'subgraphs', service),
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: join(REPO_ROOT, 'prisma', 'bin', 'no-schema-engine'),
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    });
    if (result.status !== 0) throw new Error(`prisma generate failed for ${service} (exit ${result.status}).`);
    console.log(`generated the Prisma client of ${service}`);
  }
}
