export * from './runtime.js';
export * from './embeddedPostgres.js';
