import { REPO_ROOT, SERVICE_NAMES, schemaPaths } from '@quizgraph/prisma/runtime';
import { folder, SUBGRAPHS } from '@quizgraph/topology';
import { build as esbuild, type Metafile, type Plugin } from 'esbuild';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The production build. Each process of the image is one ESM bundle, `dist/<name>.mjs`, run with plain
 * `node` (no tsx, no TypeScript at run time):
 *   router, and one per subgraph of the service list  the services (their `src/index.ts`)
 *   migrate                                           the one-shot that migrates (and in development makes the keys)
 *   seed-demo-data                                    the demo-data one-shot (compose profile `demo`)
 *   and the `commands` of each subgraph's entry      e.g. set-role (the first admin), password-hasher (forked)
 * Workspace packages are bundled (their exports point at TypeScript sources); npm packages stay outside
 * (but for Prisma's client runtime, see BUNDLED_NPM_PACKAGES),
 * loaded from node_modules at run time, and each must be a dependency of this package (build/package.json)
 * resolving to the very copy the workspace code uses: the image installs those dependencies and nothing
 * else (`pnpm deploy --prod`), so no development tool (embedded Postgres, tsx, TypeScript, vitest, the
 * Prisma CLI) can reach it.
 *
 * dist/ is a root of its own: the files sources read beside themselves (supergraph.graphql, each
 * subgraph's schema.graphql, each database's schema and migrations) are copied to the same paths under
 * it, and every `import.meta.url` in a bundled source becomes that source's place under dist/, so a
 * module finds its files as it does in the repository.
 */
export const BUILD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT_DIR = join(BUILD_DIR, 'dist');

/** Bundle name → entry source (relative to the repository). */
export function entryPoints(): Record<string, string> {
  const entries: Record<string, string> = { router: 'router/src/index.ts' };
  // Each subgraph of the service list, and the commands its entry declares (e.g. a helper process it
  // forks from beside itself, or an operator command).
  for (const entry of SUBGRAPHS) {
    entries[entry.name] = `${folder(entry.name)}/src/index.ts`;
    for (const [command, path] of Object.entries(entry.commands)) entries[command] = `${folder(entry.name)}/${path}`;
  }
  entries.migrate = 'stack/src/migrate.ts';
  entries['seed-demo-data'] = 'stack/src/seedDemoData.ts';
  return entries;
}

/** Files read at run time beside the sources, relative to the repository (and so to dist/). */
export function runtimeAssets(): string[] {
  const assets = ['supergraph.graphql'];
  for (const service of SERVICE_NAMES) {
    assets.push(`${folder(service)}/schema.graphql`);
    const { schema, migrations } = schemaPaths(service);
    assets.push(relative(REPO_ROOT, schema), relative(REPO_ROOT, migrations));
  }
  return assets;
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));

/**
 * npm packages bundled all the same. Prisma's client runtime: installed, it would bring its optional
 * peers along (pnpm links the Prisma CLI and TypeScript beside it, as the workspace has them: 250 MB
 * of development tools) and the query compilers of every database; bundled, it is the PostgreSQL
 * runtime the generated clients import, and nothing else.
 */
const BUNDLED_NPM_PACKAGES = ['@prisma/client', '@prisma/client-runtime-utils'];

/** npm packages stay outside the bundle; workspace packages (`@quizgraph/*`) and relative imports go in. */
const externalNpmPackages: Plugin = {
  name: 'external-npm-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@quizgraph/') || BUNDLED_NPM_PACKAGES.includes(packageName(args.path))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** Each bundled source's `import.meta.url` becomes its own place under dist/ (see above). */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      if (args.path.split(sep).includes('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const here = JSON.stringify(relative(REPO_ROOT, args.path).split(sep).join('/'));
      return { contents: source.replaceAll('import.meta.url', `new URL(${here}, __quizgraphRoot).href`), loader: 'ts' };
    });
  },
};

const BANNER = [
  // Some npm packages reached through bundled code use require(); an ESM bundle has none of its own.
  "import { createRequire as __quizgraphCreateRequire } from 'node:module';",
  'const require = __quizgraphCreateRequire(import.meta.url);',
  // The root that sourceLocations' URLs are relative to: the bundle's own folder.
  "const __quizgraphRoot = new URL('./', import.meta.url);",
].join('\n');

/**
 * npm packages loaded by name rather than imported, so that no bundle shows them among its imports:
 * the schema engine's WebAssembly is found with require.resolve (prisma/src/schemaEngine.ts), and pino
 * loads its pretty-printing transport by name (a development process on a terminal).
 */
const LOADED_BY_NAME = ['@prisma/schema-engine-wasm', 'pino-pretty'];

/** The installed copy of `name` seen from `fromDir` (pnpm links each package's dependencies beside it). */
function installedCopy(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(candidate)) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** The workspace folder (nearest package.json) of a bundled source. */
function packageDirOf(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`${file} is in no package`);
  }
}

/**
 * Every npm package the bundles import, checked against this package's dependencies: each must be
 * one, resolving to the copy the importing workspace package resolves (same version, same peers).
 */
export function checkExternals(metafile: Metafile): string[] {
  const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const declared = new Set(Object.keys(manifest.dependencies ?? {}));
  const problems: string[] = [];
  const externals = new Set<string>();
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    for (const { path, external } of imports) {
      if (!external || isBuiltin(path)) continue;
      const name = packageName(path);
      externals.add(name);
      const importer = packageDirOf(resolve(REPO_ROOT, input));
      const wanted = installedCopy(importer, name);
      const shipped = installedCopy(BUILD_DIR, name);
      if (!declared.has(name)) problems.push(`${name} (imported by ${input}) is not a dependency of build/package.json`);
      else if (wanted !== shipped) problems.push(`${name}: build/package.json resolves ${shipped}, ${relative(REPO_ROOT, importer)} uses ${wanted}`);
    }
  }
  for (const name of LOADED_BY_NAME) externals.add(name);
  for (const name of declared) if (!externals.has(name)) problems.push(`${name} is a dependency of build/package.json, but no bundle imports it`);
  if (problems.length > 0) throw new Error(`The bundles' npm packages and build/package.json disagree:\n  ${[...new Set(problems)].join('\n  ')}`);
  return [...externals].sort();
}

export interface BuildResult {
  outDir: string;
  /** Bundle name → its file. */
  bundles: Record<string, string>;
  /** The npm packages the bundles load at run time. */
  externals: string[];
}

/** Builds every bundle into `outDir` (emptied first) and copies the runtime assets beside them. */
export async function buildBundles(outDir = DEFAULT_OUT_DIR): Promise<BuildResult> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const entries = entryPoints();
  const result = await esbuild({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, join(REPO_ROOT, source)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // Source paths in the maps relative to the repository, whatever folder the build ran in.
    sourceRoot: '',
    banner: { js: BANNER },
    plugins: [externalNpmPackages, sourceLocations],
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  });
  const externals = checkExternals(result.metafile);
  for (const asset of runtimeAssets()) await cp(join(REPO_ROOT, asset), join(outDir, asset), { recursive: true });
  await writeFile(join(outDir, 'externals.json'), `${JSON.stringify(externals, null, 2)}\n`);
  return { outDir, bundles: Object.fromEntries(Object.keys(entries).map((name) => [name, join(outDir, `${name}.mjs`)])), externals };
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const { outDir, bundles, externals } = await buildBundles(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT_DIR);
    console.log(`built ${Object.keys(bundles).join(', ')} into ${relative(process.cwd(), outDir) || '.'} in ${Date.now() - started} ms`);
    console.log(`npm packages loaded at run time: ${externals.join(', ')}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
