import { defineConfig } from 'vitest/config';

/**
 * Three tiers, split by file suffix:
 *   *.test.ts       unit: domain rules, no I/O
 *   *.int.test.ts   integration: one subgraph over HTTP against real Postgres
 *   *.e2e.test.ts   end to end: every subgraph and the router, over HTTP
 * Tiers that need a database share one Postgres per run (embedded unless TEST_POSTGRES_URL names a server).
 */
const common = {
  exclude: ['**/node_modules/**', '**/.data/**'],
  // Vite gives our code graphql's ESM build, but Node would give GraphQL Inspector's ESM the CommonJS
  // one: two graphql instances, and Inspector refuses our schemas. Through Vite both get the same.
  server: { deps: { inline: ['@graphql-inspector/core'] } },
};
const withDatabase = { globalSetup: ['./stack/test/globalSetup.ts'], testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'unit', include: ['**/*.test.ts'], exclude: [...common.exclude, '**/*.int.test.ts', '**/*.e2e.test.ts'] } },
      { test: { ...common, ...withDatabase, name: 'integration', include: ['**/*.int.test.ts'] } },
      { test: { ...common, ...withDatabase, name: 'e2e', include: ['**/*.e2e.test.ts'] } },
    ],
  },
});
