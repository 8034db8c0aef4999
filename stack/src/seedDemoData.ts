import { DEMO_ADMIN, DEMO_AUTHOR, DEMO_PASSWORD, seedDemoData } from './demoData.js';
import { loadEnv } from './seedDemoDataEnv.js';

/**
 * The demo-data one-shot of a container deployment (`node dist/seed-demo-data.mjs`, the compose profile
 * `demo`): what `pnpm start` adds at every start, through the running router. Idempotent.
 */
try {
  const env = loadEnv();
  await seedDemoData(env.routerUrl, env.usersDatabaseUrl);
  console.log(
    `demo data ready: password "${DEMO_PASSWORD}" for the author ${DEMO_AUTHOR.email}, the admin ${DEMO_ADMIN.email}, ` +
      'and the players ada@, alan@, grace@, katherine@, edsger@demo.quizgraph.dev',
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
