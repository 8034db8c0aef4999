import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Prisma's CLI downloads a native schema engine that cannot be fetched everywhere Quizgraph runs.
 * The same engine is published as WebAssembly; it applies migration folders exactly as
 * `prisma migrate deploy` does (recording `_prisma_migrations`) and diffs datamodels into SQL.
 */
type EngineModule = typeof import('@prisma/schema-engine-wasm');

// Node has WebAssembly; the TypeScript lib that declares it is DOM's, which servers do not load.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
};

/**
 * Process-wide, not module-wide: the wasm-bindgen glue is one ESM module per process, and a second
 * instantiation (from a second copy of this file, as vitest's global setups create) would swap the
 * memory out from under the first's engines.
 */
interface EngineState {
  module?: Promise<EngineModule>;
  /** One engine at a time: the instance is shared, and it is not reentrant. */
  queue: Promise<unknown>;
  lastPanic?: string;
}
const shared = globalThis as { [key: symbol]: EngineState };
const STATE_KEY = Symbol.for('quizgraph.schemaEngine');
shared[STATE_KEY] ??= { queue: Promise.resolve() };
const state: EngineState = shared[STATE_KEY];

function loadEngineModule(): Promise<EngineModule> {
  state.module ??= (async () => {
    // createRequire rather than import.meta.resolve: the latter is missing under vitest's module runner.
    const bindingsUrl = pathToFileURL(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg')).href;
    const bindings = (await import(bindingsUrl)) as EngineModule & { __wbg_set_wasm(exports: unknown): void };
    const wasmPath = new URL('schema_engine_bg.wasm', bindingsUrl);
    const module = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bindings as never });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bindings;
  })();
  return state.module;
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };
const LOCKFILE = 'migration_lock.toml';

/** The engine reports Rust panics through this global; without it a panic hides its own message. */
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    state.lastPanic = message;
  },
};

function withEngine<T>(datamodel: string, connectionString: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const next = state.queue.then(() => runEngine(datamodel, connectionString, run));
  state.queue = next.catch(() => undefined);
  return next;
}

async function runEngine<T>(datamodel: string, connectionString: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  // A pool of our own, ended below: the adapter's pool would otherwise outlive the engine with an idle
  // connection, which crashes the process when the server later shuts down.
  const pool = new pg.Pool({ connectionString, max: 2 });
  // A connection the server closes while idle or lent must not crash the process: the next statement fails instead.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const factory = new PrismaPg(pool);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', datamodel]] }, () => undefined, adapter);
  try {
    return await run(engine);
  } catch (error) {
    if (state.lastPanic) throw new Error(`The Prisma schema engine panicked: ${state.lastPanic}`, { cause: error });
    throw error;
  } finally {
    state.lastPanic = undefined;
    engine.free();
    await pool.end();
  }
}

/**
 * The migrations of a folder, in the order they apply: its subfolders by name. What applyMigrations
 * hands the engine and what migrationStatus compares `_prisma_migrations` with, so both agree.
 */
export async function shippedMigrationNames(migrationsDir: string): Promise<string[]> {
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const directories = await shippedMigrationNames(migrationsDir);
  const lockfilePath = join(migrationsDir, LOCKFILE);
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: existsSync(lockfilePath) ? await readFile(lockfilePath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      directories.map(async (name) => {
        const file = join(migrationsDir, name, 'migration.sql');
        return {
          path: name,
          migrationFile: {
            path: 'migration.sql',
            content: existsSync(file) ? { tag: 'ok' as const, value: await readFile(file, 'utf8') } : { tag: 'error' as const, value: `${file} is missing` },
          },
        };
      }),
    ),
  };
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns the names it applied. */
export async function applyMigrations(connectionString: string, schemaFile: string, migrationsDir: string): Promise<string[]> {
  const datamodel = await readFile(schemaFile, 'utf8');
  const migrationsList = await readMigrationList(migrationsDir);
  return withEngine(datamodel, connectionString, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that turns datamodel `from` (or an empty database) into datamodel `to`; empty when they match.
 * Nothing is changed in the database, but the engine wants a live connection to start.
 */
export async function diffDatamodels(connectionString: string, from: string | null, to: string): Promise<string> {
  return withEngine(to, connectionString, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  });
}
