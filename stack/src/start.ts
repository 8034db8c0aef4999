/**
 * `pnpm start`: the whole product on one machine with nothing but Node. Databases (an embedded Postgres
 * unless URLs are given), migrations, the subgraphs and the router each in a process of its own
 * (processes.ts), and demo data; Ctrl-C stops it all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ACCESS_TOKEN_ISSUER, SUBGRAPH_NAMES } from '@quizgraph/topology';

const log = (line: string) => console.log(`[quizgraph] ${line}`);

/**
 * Ctrl-C reaches this process more than once (from the terminal, and forwarded by pnpm as SIGINT and
 * SIGTERM), and may come at any point of start-up: the first signal stops what has started, in reverse
 * order (router and subgraphs draining their requests, then their pools, then Postgres), and exits 0;
 * any later one changes nothing. The listeners stay on, so no repeated signal finds Node's default
 * handler (which would kill the process with code 130 halfway through).
 */
const started: Array<() => Promise<void>> = [];
let stopping: Promise<void> | undefined;
/** Stops everything; exits 0 after a signal, 1 after a process died (`failure` says which and how). */
function stop(signal: NodeJS.Signals | undefined, failure?: string): Promise<void> {
  stopping ??= (async () => {
    if (failure) console.error(`[quizgraph] ${failure}: stopping the others`);
    else log(`${signal}: finishing in-flight requests, then stopping`);
    try {
      for (const close of started.reverse()) await close();
      process.exit(failure ? 1 : 0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  })();
  return stopping;
}
process.on('SIGINT', (signal) => void stop(signal));
process.on('SIGTERM', (signal) => void stop(signal));

/** A start-up step that fails because stopping pulled its ground away waits for the exit instead of reporting it. */
async function starting<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (stopping) return new Promise<T>(() => undefined);
    throw error;
  }
}

// Imported once the signals are handled: loading the services takes a while, and a Ctrl-C meanwhile
// must still end cleanly.
const [
  { openDatabases },
  { DEMO_ADMIN, DEMO_AUTHOR, DEMO_PASSWORD, seedDemoData },
  { loadEnv },
  { launchServiceProcesses },
  { composeSupergraph },
  { REPO_ROOT },
] = await starting(
  Promise.all([
    import('./databases.js'),
    import('./demoData.js'),
    import('./env.js'),
    import('./processes.js'),
    import('@quizgraph/router/composition'),
    import('@quizgraph/prisma'),
  ]),
);
const env = loadEnv();
// @apollo/gateway sends usage metrics to Apollo unless this is set, and its cloud detectors print a
// MetadataLookupWarning on stderr off-cloud. A local run reports nothing unless its user sets it.
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
// Composed from the SDL files at every start, so an edited schema.graphql takes effect on restart.
const supergraphPath = join(env.dataDir, 'supergraph.graphql');
await mkdir(env.dataDir, { recursive: true });
await writeFile(supergraphPath, await starting(composeSupergraph(join(REPO_ROOT, 'supergraph.yaml'))));
const databases = await starting(openDatabases(env.database, log));
started.push(() => databases.stop());
// Each service in a process of its own. They inherit this environment, so SHUTDOWN_*, OTEL_*,
// PASSWORD_HASHING_CONCURRENCY and the like reach the processes that read them.
const processes = launchServiceProcesses({
  databases: databases.urls,
  keysDir: env.keysDir,
  supergraphPath,
  ports: env.ports,
  host: env.host,
  logLevel: env.logLevel,
  // A process still draining after its readiness grace and drain timeout (and 10 s more) is killed.
  stopGraceMs: env.shutdown.readinessGraceMs + env.shutdown.drainTimeoutMs + 10_000,
  onUnexpectedExit: (service, how) => void stop(undefined, `the ${service} process ended unexpectedly (${how})`),
});
started.push(() => processes.stop());
let stack: import('./processes.js').RunningServiceProcesses;
try {
  stack = await starting(processes.ready);
} catch (error) {
  await stop(undefined, error instanceof Error ? error.message : String(error));
  throw error;
}

if (env.seed) {
  // Roles live with the accounts, in the access-token issuer's database.
  await starting(seedDemoData(stack.router.url, databases.urls[ACCESS_TOKEN_ISSUER]));
  log(
    `demo data ready: password "${DEMO_PASSWORD}" for the author ${DEMO_AUTHOR.email}, the admin ${DEMO_ADMIN.email}, ` +
      'and the players ada@, alan@, grace@, katherine@, edsger@demo.quizgraph.dev',
  );
}

const subgraphs = SUBGRAPH_NAMES.map((name) => stack.services[name]);
const issuer = stack.services[ACCESS_TOKEN_ISSUER];
console.log(`
Quizgraph is running (${databases.description}).

  GraphQL API + Apollo Sandbox   ${stack.router.url}
  router health / readiness      ${stack.router.origin}/health  ${stack.router.origin}/ready
  subgraphs (router only)        ${subgraphs.map((s) => `${s.name} ${s.url}`).join('\n                                 ')}
  access-token keys (JWKS)       ${issuer.origin}/.well-known/jwks.json
  processes (pid)                router ${stack.router.pid}, ${subgraphs.map((s) => `${s.name} ${s.pid}`).join(', ')}

Try it (in Sandbox, or with curl):

  curl -s ${stack.router.url} -H 'content-type: application/json' \\
    -d '{"query":"{ leaderboard(first: 5) { edges { rank node { score user { displayName } } } } }"}'

Press Ctrl-C to stop.
`);
