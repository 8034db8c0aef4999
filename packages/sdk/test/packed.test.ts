/**
 * What a frontend team installs: the SDK packed as a tarball (`pnpm pack`), installed with npm into
 * an empty project, and a consumer compiled under `strict` and `noUncheckedIndexedAccess` against
 * the packed declarations (not the workspace's sources), then run by Node from the packed ESM.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SDK_DIR } from '../scripts/operationFiles.ts';

const tsc = join(createRequire(join(SDK_DIR, 'package.json')).resolve('typescript/package.json'), '..', 'bin', 'tsc');

/** Compile-time assertions: `Equal<A, B>` is `true` only when A and B are the same type (neither is `any`). */
const CONSUMER = `
import {
  createQuizgraphClient,
  GlobalLeaderboardDocument,
  LoginDocument,
  StartAttemptDocument,
  TakeAQuizDocument,
  QuizgraphError,
  operationMetaOf,
  type QuestionType,
  type QuizgraphErrorCode,
} from '@quizgraph/sdk';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(_proof: Equal<A, B>) => undefined;

const client = createQuizgraphClient({ endpoint: 'http://127.0.0.1:9/graphql', getAccessToken: () => null, fetch });

export async function signInTakeAQuizAndReadTheLeaderboard() {
  const { login } = await client.request(LoginDocument, { email: 'ada@demo.quizgraph.dev', password: 'quizgraph-demo' });
  same<typeof login.accessToken, string>(true);
  // DateTime: an ISO 8601 string.
  same<typeof login.refreshTokenExpiresAt, string>(true);
  // @ts-expect-error: login's variables are required
  await client.request(LoginDocument);
  // @ts-expect-error: an email is a string
  await client.request(LoginDocument, { email: 42, password: 'quizgraph-demo' });

  const { quiz } = await client.request(TakeAQuizDocument, { id: 'a quiz id' });
  const first = quiz?.questions[0];
  same<typeof first, { id: string; position: number; type: QuestionType; prompt: string; points: number; partialCredit: boolean; options: Array<{ id: string; label: string }>; items: Array<{ id: string; label: string }> } | undefined>(true);
  // Enums are unions of their values.
  const type: QuestionType = 'ORDERING';
  // @ts-expect-error: not a question type
  const essay: QuestionType = 'ESSAY';
  const { startAttempt } = await client.request(StartAttemptDocument, { quizId: 'a quiz id' });
  same<typeof startAttempt.deadline, string | null>(true);

  // Variables with defaults may be left out.
  const { leaderboard } = await client.request(GlobalLeaderboardDocument);
  const name: string | null | undefined = leaderboard?.edges[0]?.node.user?.displayName;
  same<NonNullable<typeof name>, string>(true);
  // @ts-expect-error: a display name is not a number
  const wrong: number | null | undefined = leaderboard?.edges[0]?.node.user?.displayName;
  return { login, first, type, essay, name, wrong };
}

export function explain(error: unknown): string {
  if (error instanceof QuizgraphError) {
    const code = error.errors[0]?.extensions.code;
    same<typeof code, QuizgraphErrorCode | undefined>(true);
    same<typeof error.requestId, string | null>(true);
    same<typeof error.status, number>(true);
    // @ts-expect-error: not a code the API uses
    if (code === 'TEAPOT') return '';
    return \`\${code} (request \${error.requestId})\`;
  }
  return String(error);
}

// At run time, from the packed ESM: no GraphQL library needed.
const meta = operationMetaOf(GlobalLeaderboardDocument);
console.log(JSON.stringify({ client: typeof client.request, name: meta?.operationName, hash: meta?.hash, error: new QuizgraphError([], 502, 'r-1').message }));
`;

let dir: string;
let tarball: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizgraph-sdk-consumer-'));
  execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: SDK_DIR, stdio: 'pipe' });
  const packed = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  if (!packed) throw new Error('pnpm pack wrote no tarball');
  tarball = join(dir, packed);
  const project = join(dir, 'app');
  execFileSync('mkdir', ['-p', project]);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], { cwd: project, stdio: 'pipe' });
  await writeFile(join(project, 'consumer.ts'), CONSUMER);
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: false,
        types: [],
        outDir: 'out',
      },
      files: ['consumer.ts'],
    }),
  );
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the packed SDK', () => {
  it('ships the built ESM and declarations, with exports pointing at them, and no sources', async () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(
      expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/persisted-query-manifest.json', 'package/README.md']),
    );
    expect(listing.filter((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))).toEqual([]);
    const manifest = JSON.parse(await readFile(join(dir, 'app', 'node_modules', '@quizgraph', 'sdk', 'package.json'), 'utf8'));
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(manifest.dependencies).toEqual({ '@graphql-typed-document-node/core': '3.2.0' });
  }, 30_000);

  it('types a strict consumer from the packed declarations, with nothing unknown', async () => {
    const project = join(dir, 'app');
    const result = (() => {
      try {
        return execFileSync('node', [tsc, '-p', 'tsconfig.json', '--listFiles'], { cwd: project, encoding: 'utf8' });
      } catch (error) {
        throw new Error(`tsc failed on the consumer:\n${(error as { stdout?: string }).stdout}`);
      }
    })();
    // The SDK's types came from the installed tarball, never from the workspace's sources.
    const sdkFiles = result.split('\n').filter((f) => f.includes('@quizgraph/sdk'));
    expect(sdkFiles.length).toBeGreaterThan(0);
    expect(sdkFiles.every((f) => f.startsWith(join(project, 'node_modules', '@quizgraph', 'sdk', 'dist')))).toBe(true);
    expect(result).not.toContain(join(SDK_DIR, 'src'));
    // No result or variable type is left `unknown` or `any`.
    const declarations = await readFile(join(project, 'node_modules', '@quizgraph', 'sdk', 'dist', '__generated__', 'graphql.d.ts'), 'utf8');
    // (The one `unknown` is the constraint of codegen's `Exact<T extends { [key: string]: unknown }>` helper.)
    const withoutHelper = declarations.replace(/type Exact<T extends \{\s*\[key: string\]: unknown;\s*\}>/, '');
    expect(withoutHelper.split('\n').filter((line) => /[:|<]\s*(unknown|any)\b/.test(line))).toEqual([]);
  }, 60_000);

  it('runs from the packed ESM with nothing but Node', () => {
    const out = execFileSync('node', ['out/consumer.js'], { cwd: join(dir, 'app'), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      client: 'function',
      name: 'GlobalLeaderboard',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      error: 'HTTP 502 [request r-1]',
    });
  }, 30_000);
});
