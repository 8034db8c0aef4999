import { openDatabases } from './databases.js';
import { DEMO_ADMIN, DEMO_AUTHOR, DEMO_PASSWORD, seedDemoData } from './demoData.js';
import { loadEnv } from './env.js';
import { startStack } from './stack.js';

/**
 * `pnpm start`: the whole product on one machine with nothing but Node. Databases (an embedded Postgres
 * unless URLs are given), migrations, the three subgraphs, the router and demo data; Ctrl-C stops it all.
 */
const env = loadEnv();
const log = (line: string) => console.log(`[quizgraph] ${line}`);

const databases = await openDatabases(env.database, log);
let stack: Awaited<ReturnType<typeof startStack>>;
try {
  stack = await startStack({
    databases: databases.urls,
    keysDir: env.keysDir,
    ports: env.ports,
    host: env.host,
    logLevel: env.logLevel,
    prettyLogs: process.stdout.isTTY,
  });
} catch (error) {
  await databases.stop();
  throw error;
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing in-flight requests, then stopping`);
  try {
    await stack.stop();
    await databases.stop();
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

if (env.seed) {
  await seedDemoData(stack.router.url, databases.urls.users);
  log(
    `demo data ready: password "${DEMO_PASSWORD}" for the author ${DEMO_AUTHOR.email}, the admin ${DEMO_ADMIN.email}, ` +
      'and the players ada@, alan@, grace@, katherine@, edsger@demo.quizgraph.dev',
  );
}

const { users, quizzes, results } = stack.services;
console.log(`
Quizgraph is running (${databases.description}).

  GraphQL API + Apollo Sandbox   ${stack.router.url}
  router health / readiness      ${stack.router.origin}/health  ${stack.router.origin}/ready
  subgraphs (router only)        users ${users.url}
                                 quizzes ${quizzes.url}
                                 results ${results.url}
  access-token keys (JWKS)       ${users.origin}/.well-known/jwks.json

Try it (in Sandbox, or with curl):

  curl -s ${stack.router.url} -H 'content-type: application/json' \\
    -d '{"query":"{ leaderboard(first: 5) { edges { rank node { score user { displayName } } } } }"}'

Press Ctrl-C to stop.
`);
