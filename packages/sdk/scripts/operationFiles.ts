import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SDK_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OPERATIONS_DIR = join(SDK_DIR, 'operations');
export const REPO_ROOT = join(SDK_DIR, '..', '..');

/** Every operation document of the SDK, by name (the file's name, which is the operation's), sorted. */
export async function operationFiles(): Promise<Map<string, string>> {
  const files = (await readdir(OPERATIONS_DIR)).filter((f) => f.endsWith('.graphql')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(OPERATIONS_DIR, f), 'utf8')));
  return new Map(files.map((f, i) => [basename(f, '.graphql'), texts[i]!]));
}
