import { SUBGRAPHS } from '@quizgraph/topology';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyRendered, renderDeployment } from './render.js';

/**
 * `pnpm deploy:generate`: writes the compose files, the Kubernetes manifests and the router
 * configurations' subgraph entries from the service list. `pnpm deploy:check` (CI): writes nothing,
 * exits 1 naming every file that differs from what the list gives.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function deploymentChanges(root = ROOT): Array<{ path: string; next: string }> {
  const changes: Array<{ path: string; next: string }> = [];
  for (const [path, rendered] of Object.entries(renderDeployment(SUBGRAPHS))) {
    const file = join(root, path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const next = applyRendered(path, current, rendered);
    if (next !== current) changes.push({ path, next });
  }
  return changes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const unknown = process.argv.slice(2).filter((arg) => arg !== '--check');
  if (unknown.length) {
    console.error(`Unknown argument ${unknown.join(' ')}; usage: deploy:generate [--check]`);
    process.exit(2);
  }
  try {
    const changes = deploymentChanges();
    if (check) {
      if (changes.length) {
        console.error(`Deployment files differ from the service list: run pnpm deploy:generate and commit.\n  ${changes.map((c) => c.path).join('\n  ')}`);
        process.exit(1);
      }
      console.log('Deployment files match the service list.');
    } else {
      for (const { path, next } of changes) writeFileSync(join(ROOT, path), next);
      console.log(changes.length ? `Wrote ${changes.map((c) => c.path).join(', ')}` : 'Deployment files already match the service list.');
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
