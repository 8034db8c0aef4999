/**
 * What a running service or the migrate one-shot needs from the toolkit: database URLs, the counting
 * pool and its timeouts, the migrations runner (WebAssembly schema engine) and its read-only check. No development tool
 * (embedded Postgres, client generation) is reachable from here, so a production bundle built from
 * `@quizgraph/prisma/runtime` carries none of them.
 */
export * from './databases.js';
export * from './migrations.js';
export * from './migrationStatus.js';
export * from './paths.js';
export * from './pool.js';
export * from './roles.js';
