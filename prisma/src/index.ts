export * from './databases.js';
export * from './embeddedPostgres.js';
export * from './migrations.js';
export * from './paths.js';
export * from './pool.js';
