import { execFile } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

/** `pnpm api:check` itself, run by tsx against a temporary copy of the repository's API files. */
const routerDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(routerDir, '..');
const run = promisify(execFile);

async function apiCheck(root: string, ...flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/apiCheck.ts', '--root', root, ...flags], { cwd: routerDir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const git = (cwd: string, ...args: string[]) =>
  run('git', ['-c', 'user.name=test', '-c', 'user.email=test@quizgraph.dev', '-c', 'commit.gpgsign=false', ...args], { cwd });

let temp: string | undefined;
afterEach(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
  temp = undefined;
});

/** A copy of api.graphql, api/published.graphql and api/breaking-changes.yaml, outside any git repository. */
async function copyOfTheApiFiles(): Promise<string> {
  temp = await mkdtemp(join(tmpdir(), 'quizgraph-api-check-'));
  await mkdir(join(temp, 'api'));
  for (const file of ['api.graphql', 'api/published.graphql', 'api/breaking-changes.yaml']) await copyFile(join(repoRoot, file), join(temp, file));
  return temp;
}

describe('pnpm api:check', () => {
  it('fails on a field removed from api.graphql, naming it, and passes once the removal is announced', async () => {
    const root = await copyOfTheApiFiles();
    const schema = await readFile(join(root, 'api.graphql'), 'utf8');
    const withoutTitle = schema.replace(/(\ntype Quiz \{[\s\S]*?)\n(\s*"""[^"]*"""\n)?\s*title: String!\n/, '$1\n');
    expect(withoutTitle).not.toBe(schema);
    await writeFile(join(root, 'api.graphql'), withoutTitle);

    const failed = await apiCheck(root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Quiz.title');
    expect(failed.stderr).toContain("Field 'title' was removed from object type 'Quiz'");
    expect(failed.stderr).toContain('api/breaking-changes.yaml');
    // Outside a repository the previous commit cannot be read; the published schema still catches it.
    expect(failed.stdout).toContain('not comparing with api.graphql at HEAD~1');

    await appendFile(join(root, 'api/breaking-changes.yaml'), '\n- path: Quiz.title\n  reason: Quiz.name replaces it; seeded by a test.\n  date: 2025-03-01\n');
    const passed = await apiCheck(root);
    expect(passed.stderr).toBe('');
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('announced: Quiz.title');
  });

  it('catches a field added since the release and removed again, from the previous commit', async () => {
    const root = await copyOfTheApiFiles();
    const schema = await readFile(join(root, 'api.graphql'), 'utf8');
    await git(root, 'init', '--quiet');
    await writeFile(join(root, 'api.graphql'), schema.replace('\ntype Query {\n', '\ntype Query {\n  draftOnly: Int\n'));
    await git(root, 'add', '.');
    await git(root, 'commit', '--quiet', '-m', 'adds Query.draftOnly after the release');
    await writeFile(join(root, 'api.graphql'), schema);
    await git(root, 'commit', '--quiet', '-m', 'removes it again', 'api.graphql');

    const failed = await apiCheck(root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Query.draftOnly');
    expect(failed.stderr).toContain('(against api.graphql at HEAD~1)');
  });

  it('publishes only a schema that passes, and the published one is the next baseline', async () => {
    const root = await copyOfTheApiFiles();
    const schema = await readFile(join(root, 'api.graphql'), 'utf8');
    const withoutMe = schema.replace(/\n {2}"""[^"]*"""\n {2}me: User\n/, '\n');
    expect(withoutMe).not.toBe(schema);
    await writeFile(join(root, 'api.graphql'), withoutMe);
    const refused = await apiCheck(root, '--publish');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Field 'me' was removed from object type 'Query'");
    expect(await readFile(join(root, 'api/published.graphql'), 'utf8')).toBe(schema);

    await writeFile(join(root, 'api.graphql'), schema.replace('\ntype Query {\n', '\ntype Query {\n  added: Int\n'));
    expect((await apiCheck(root, '--publish')).code).toBe(0);
    await writeFile(join(root, 'api.graphql'), schema);
    const failed = await apiCheck(root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Query.added');
  });
});
