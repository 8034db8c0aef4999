import { migrateServiceDatabases, prepareServiceDatabases, startEmbeddedPostgres, type DatabaseUrls } from '@quizgraph/prisma';
import type { DatabaseSource } from './env.js';

export interface Databases {
  urls: DatabaseUrls;
  /** Where they live, for the start banner. */
  description: string;
  stop(): Promise<void>;
}

/** Per-service URLs as given, a server to create them on, or (by default) an embedded Postgres. All migrated. */
export async function openDatabases(source: DatabaseSource, log: (line: string) => void): Promise<Databases> {
  switch (source.kind) {
    case 'urls':
      await migrateServiceDatabases(source.urls, log);
      return { urls: source.urls, description: 'the databases in *_DATABASE_URL', stop: async () => undefined };
    case 'server':
      return {
        urls: await prepareServiceDatabases(source.serverUrl, 'quizgraph', log),
        description: `the server in DATABASE_SERVER_URL`,
        stop: async () => undefined,
      };
    case 'embedded': {
      log(`starting embedded Postgres (data in ${source.dir})`);
      const server = await startEmbeddedPostgres({ dir: source.dir, port: source.port });
      try {
        return {
          urls: await prepareServiceDatabases(server.adminUrl, 'quizgraph', log),
          description: `embedded Postgres on 127.0.0.1:${source.port}, data in ${source.dir}`,
          stop: () => server.stop(),
        };
      } catch (error) {
        await server.stop();
        throw error;
      }
    }
  }
}
