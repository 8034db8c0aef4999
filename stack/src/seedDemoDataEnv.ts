import { nodeEnvSchema, parseEnv, withFileVariables } from '@quizgraph/service-kit';
import { ACCESS_TOKEN_ISSUER, variables } from '@quizgraph/topology';
import { z } from 'zod';

/** The demo admin and author get their roles in the accounts' database: the access-token issuer's. */
const ISSUER_DATABASE_URL = variables.databaseUrl(ACCESS_TOKEN_ISSUER);

/** The only reader of process.env for the demo-data one-shot (`node dist/seed-demo-data.mjs`, compose profile `demo`). */
const schema = z.object({
  NODE_ENV: nodeEnvSchema,
  /** The router's GraphQL endpoint: the demo data goes in through the public API. */
  ROUTER_URL: z.string().url(),
  /** <ISSUER>_DATABASE_URL: the access-token issuer's database, where accounts get their roles (inline or from its _FILE). */
  [ISSUER_DATABASE_URL]: z.string().url(),
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
  const e = parseEnv(schema, withFileVariables(env, [ISSUER_DATABASE_URL]), 'demo-data command') as Record<string, string>;
  return { routerUrl: e.ROUTER_URL!, usersDatabaseUrl: e[ISSUER_DATABASE_URL]! };
}
