import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkApiSchema, formatApiCheck, parseAnnouncements, type Baseline } from './apiGovernance.js';

/**
 * `pnpm api:check` (CI): fails when api.graphql breaks clients of an earlier API schema without an
 * announcement in api/breaking-changes.yaml. It compares against
 *   - api/published.graphql, the schema of the last release (`pnpm api:publish` records it): always
 *     there, even in a shallow clone, so a change since the release cannot slip through;
 *   - api.graphql as of HEAD~1 and HEAD, when git has them: this also catches breaking a field that was
 *     added since the release (already served from main, not yet published), and, before committing,
 *     the working tree's own edits. A clone without that history (shallow, or a first commit) skips them.
 * `pnpm api:publish` runs the same check and then records api.graphql as the published schema.
 * `--root <dir>` runs it on another checkout (the tests use a temporary copy).
 */
const rootFlag = process.argv.indexOf('--root');
const root = rootFlag >= 0 ? resolve(process.argv[rootFlag + 1] ?? '.') : resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const publish = process.argv.includes('--publish');

const API_SCHEMA = 'api.graphql';
const PUBLISHED = 'api/published.graphql';
const ANNOUNCEMENTS = 'api/breaking-changes.yaml';

/** api.graphql as of a commit, or why not (no repository, a shallow clone, a commit before the file existed). */
async function committedApiSchema(revision: string): Promise<{ sdl: string } | { missing: string }> {
  try {
    // `./` makes the path relative to root, wherever the repository's top is.
    const { stdout } = await promisify(execFile)('git', ['show', `${revision}:./${API_SCHEMA}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { sdl: stdout };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message)
      .trim()
      .split('\n')[0];
    return { missing: stderr ?? 'git failed' };
  }
}

try {
  const baselines: Baseline[] = [];
  if (existsSync(join(root, PUBLISHED))) {
    baselines.push({ name: `${PUBLISHED}, the last published API schema`, sdl: await readFile(join(root, PUBLISHED), 'utf8') });
  } else if (!publish) {
    throw new Error(`${PUBLISHED} is missing: record the first published API schema with \`pnpm api:publish\` and commit it.`);
  }
  const current = await readFile(join(root, API_SCHEMA), 'utf8');
  const announcements = existsSync(join(root, ANNOUNCEMENTS)) ? parseAnnouncements(await readFile(join(root, ANNOUNCEMENTS), 'utf8'), ANNOUNCEMENTS) : [];
  for (const revision of ['HEAD~1', 'HEAD']) {
    const committed = await committedApiSchema(revision);
    if ('sdl' in committed) baselines.push({ name: `${API_SCHEMA} at ${revision}`, sdl: committed.sdl });
    else console.log(`note: not comparing with ${API_SCHEMA} at ${revision} (${committed.missing})`);
  }

  const { errors, warnings, notes } = formatApiCheck(
    await checkApiSchema({ current: { name: API_SCHEMA, sdl: current }, baselines, announcements }),
    ANNOUNCEMENTS,
  );
  for (const note of notes) console.log(`announced: ${note}`);
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  if (errors.length > 0) {
    console.error(errors.join('\n'));
    process.exit(1);
  }
  console.log(`${API_SCHEMA}: no unannounced breaking change against ${baselines.map((b) => b.name).join('; ') || 'nothing (no baseline yet)'}`);

  if (publish) {
    await mkdir(join(root, dirname(PUBLISHED)), { recursive: true });
    await writeFile(join(root, PUBLISHED), current);
    console.log(`published: ${PUBLISHED} now holds ${API_SCHEMA}; commit it with the release`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
