import { nodeEnvSchema, parseEnv, withFileVariables } from '@quizgraph/service-kit';
import { z } from 'zod';

/** The only reader of process.env for the demo-data one-shot (`node dist/seed-demo-data.mjs`, compose profile `demo`). */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  /** The router's GraphQL endpoint: the demo data goes in through the public API. */
  ROUTER_URL: z.string().url(),
  /** The users database, where the demo admin and author get their roles (inline or from USERS_DATABASE_URL_FILE). */
  USERS_DATABASE_URL: z.string().url(),
});

export interface SeedDemoDataEnv {
  routerUrl: string;
  usersDatabaseUrl: string;
}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): SeedDemoDataEnv {
  // Before anything else: every demo account has the same published password, and one is an admin.
  if (nodeEnvSchema.safeParse(env.NODE_ENV).data === 'production') {
    throw new Error('The demo-data command refuses NODE_ENV=production: the demo accounts share a published password.');
  }
  const e = parseEnv(schema, withFileVariables(env, ['USERS_DATABASE_URL']), 'demo-data command');
  return { routerUrl: e.ROUTER_URL, usersDatabaseUrl: e.USERS_DATABASE_URL };
}
