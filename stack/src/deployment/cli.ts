import { SUBGRAPHS } from '@quizgraph/topology';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyRendered, GENERATED_HEADER, renderDeployment } from './render.js';

/**
 * `pnpm deploy:generate`: writes the compose files, the Kubernetes manifests and the router
 * configurations' subgraph entries from the service list. `pnpm deploy:check` (CI): writes nothing,
 * exits 1 naming every file that differs from what the list gives.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** What differs from the list: files to write (`next`), and generated files no entry renders any more (`next` undefined: to delete). */
export function deploymentChanges(root = ROOT): Array<{ path: string; next: string | undefined }> {
  const changes: Array<{ path: string; next: string | undefined }> = [];
  const rendered = renderDeployment(SUBGRAPHS);
  for (const [path, output] of Object.entries(rendered)) {
    const file = join(root, path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const next = applyRendered(path, current, output);
    if (next !== current) changes.push({ path, next });
  }
  // A subgraph renamed or removed from the list leaves its generated files behind.
  const folders = new Set(Object.entries(rendered).flatMap(([path, output]) => (output.kind === 'whole' ? [dirname(path)] : [])));
  for (const folder of folders) {
    for (const name of readdirSync(join(root, folder))) {
      const path = folder === '.' ? name : `${folder}/${name}`;
      if (path in rendered || !/\.ya?ml$/.test(name)) continue;
      if (readFileSync(join(root, path), 'utf8').startsWith(GENERATED_HEADER[0]!)) changes.push({ path, next: undefined });
    }
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
        const lines = changes.map((c) => (c.next === undefined ? `${c.path} (generated for no entry of the list any more: delete it)` : c.path));
        console.error(`Deployment files differ from the service list: run pnpm deploy:generate and commit.\n  ${lines.join('\n  ')}`);
        process.exit(1);
      }
      console.log('Deployment files match the service list.');
    } else {
      for (const { path, next } of changes) {
        if (next === undefined) rmSync(join(ROOT, path));
        else writeFileSync(join(ROOT, path), next);
      }
      const said = changes.map((c) => (c.next === undefined ? `deleted ${c.path}` : `wrote ${c.path}`));
      console.log(said.length ? said.join('\n') : 'Deployment files already match the service list.');
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
