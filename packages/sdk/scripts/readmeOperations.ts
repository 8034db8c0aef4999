/**
 * The README's example operations are the SDK's documents: each block between
 * `<!-- operation: Login Refresh -->` and `<!-- /operation -->` is a graphql code block made of those
 * files of packages/sdk/operations, in that order. `pnpm docs:operations` rewrites the blocks;
 * `--check` (CI, through `pnpm sdk:check`) fails naming every stale block, every unknown name, and
 * every document the README shows nowhere.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { operationFiles, REPO_ROOT } from './operationFiles.ts';

const BLOCK = /(<!-- operation: ([^>]*?) -->\n)([\s\S]*?)(<!-- \/operation -->)/g;

export interface ReadmeSync {
  text: string;
  /** The blocks whose text differs from their documents, by their marker's names. */
  stale: string[];
  problems: string[];
}

export function syncReadme(readme: string, operations: Map<string, string>): ReadmeSync {
  const stale: string[] = [];
  const problems: string[] = [];
  const shown = new Set<string>();
  const text = readme.replace(BLOCK, (whole, open: string, list: string, current: string, close: string) => {
    const names = list.trim().split(/\s+/);
    const missing = names.filter((name) => !operations.has(name));
    if (missing.length > 0) {
      problems.push(`README.md names ${missing.join(', ')} in <!-- operation: ${list} -->, but packages/sdk/operations has no such document.`);
      return whole;
    }
    for (const name of names) shown.add(name);
    const block = `\`\`\`graphql\n${names.map((name) => operations.get(name)!.trimEnd()).join('\n\n')}\n\`\`\`\n`;
    if (block !== current) stale.push(names.join(' '));
    return `${open}${block}${close}`;
  });
  const unshown = [...operations.keys()].filter((name) => !shown.has(name));
  if (unshown.length > 0) {
    problems.push(`README.md shows no example of ${unshown.join(', ')}: add it to a <!-- operation: … --> block where its feature is described.`);
  }
  return { text, stale, problems };
}

async function main() {
  const check = process.argv.includes('--check');
  const path = join(REPO_ROOT, 'README.md');
  const readme = await readFile(path, 'utf8');
  const { text, stale, problems } = syncReadme(readme, await operationFiles());
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  if (check) {
    if (stale.length > 0) {
      console.error(
        `README.md's example operations differ from packages/sdk/operations in these blocks:\n${stale.map((s) => `  - <!-- operation: ${s} -->`).join('\n')}\n` +
          'Edit the documents (not the README) and run pnpm docs:operations.',
      );
      process.exit(1);
    }
    return;
  }
  if (text !== readme) await writeFile(path, text);
  console.log(
    stale.length > 0 ? `README.md: rewrote ${stale.map((s) => `<!-- operation: ${s} -->`).join(', ')}` : 'README.md: every example operation is up to date',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
