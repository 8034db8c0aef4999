import { prepareServiceDatabases, startEmbeddedPostgres } from '@quizgraph/prisma';
// Declares what `provide` below carries (vitest's ProvidedContext).
import type {} from '@quizgraph/service-kit/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * One Postgres for the run: an embedded one in a temporary folder, or the server in TEST_POSTGRES_URL.
 * The three service databases are created and migrated once; tests share them and make unique rows,
 * so nothing is truncated between tests.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (serverUrl) {
    project.provide('databaseUrls', await prepareServiceDatabases(serverUrl, `quizgraph_test_${project.name}`));
    return;
  }
  // Under /tmp, which the `postgres` user can reach when tests run as root.
  const dir = await mkdtemp(join(tmpdir(), `quizgraph-${project.name}-`));
  const server = await startEmbeddedPostgres({ dir, port: 0 });
  project.provide('databaseUrls', await prepareServiceDatabases(server.adminUrl, 'quizgraph_test'));
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
