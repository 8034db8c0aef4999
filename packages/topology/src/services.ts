/**
 * THE list of Quizgraph's services: the only place a subgraph is named (see README, "Adding a
 * subgraph"). Everything else reads it: the Prisma toolkit (databases, migrations), credentials (who
 * holds a key, who may call), the event routing, the router's subgraph URLs, the start sequence
 * (`pnpm start`, the test stack), the production build, and the generated compose files, Kubernetes
 * manifests and router configurations (`pnpm deploy:generate`).
 *
 * A subgraph `<name>` is one entry here plus its folder `subgraphs/<name>`, which holds by convention:
 *   package.json        named `@quizgraph/<name>`
 *   schema.graphql      its SDL (composed into supergraph.graphql)
 *   prisma/             its Prisma schema and migrations (database `quizgraph_<name>`)
 *   src/index.ts        its process's entry point (reads `<NAME>_PORT`, `<NAME>_DATABASE_URL`, …)
 *   src/env.ts          `loadEnv(env)`: its settings from the environment (the compose and Kubernetes tests run it)
 *   src/stack.ts        `startInStack(context)`: how the in-process test stack starts it
 *
 * The order is the start order: the access-token issuer first (the others fetch its keys), and every
 * subgraph after those whose internal channel it calls. The router starts last.
 *
 * Dependency-free on purpose: Hive Gateway's config, build scripts and every package can import it.
 */
export const SUBGRAPHS = [
  {
    name: 'users',
    /** What it owns, in a few words (generated manifests and compose files say it). */
    description: 'accounts, sign-in and roles, and the access-token keys (JWKS)',
    port: 4001,
    /** Signs access tokens; every other process verifies them with its JWKS document. Exactly one subgraph. */
    issuesAccessTokens: true,
    publishes: ['UserDeleted'],
    consumes: [],
    /** Subgraphs whose internal channel (`/internal/...`, service credential required) it calls, besides events. */
    callsInternal: [],
    /** Commands built beside the service from its folder (`dist/<name>.mjs`), path relative to the folder. */
    commands: { 'set-role': 'src/cli/setRole.ts', 'password-hasher': 'src/hashingProcess.ts' },
    /** Kubernetes requests and limits per replica (argon2 needs the memory: 64 MiB per hash at once). */
    resources: { cpu: { request: '250m', limit: '1' }, memory: { request: '256Mi', limit: '768Mi' } },
  },
  {
    name: 'quizzes',
    description: 'quizzes, questions and authoring, and the answer-key channel results scores with',
    port: 4002,
    issuesAccessTokens: false,
    publishes: ['QuizArchived'],
    consumes: ['UserDeleted', 'QuizPlayed'],
    callsInternal: [],
    commands: {},
    resources: { cpu: { request: '200m', limit: '1' }, memory: { request: '192Mi', limit: '512Mi' } },
  },
  {
    name: 'results',
    description: 'attempts, scores and leaderboards',
    port: 4003,
    issuesAccessTokens: false,
    publishes: ['QuizPlayed'],
    consumes: ['UserDeleted', 'QuizArchived'],
    callsInternal: ['quizzes'],
    commands: {},
    resources: { cpu: { request: '200m', limit: '1' }, memory: { request: '192Mi', limit: '512Mi' } },
  },
] as const satisfies readonly SubgraphDeclaration[];

/** The router: the only process clients reach. */
export const ROUTER = {
  name: 'router',
  port: 4000,
  resources: { cpu: { request: '250m', limit: '1' }, memory: { request: '192Mi', limit: '512Mi' } },
} as const;

export interface Resources {
  cpu: { request: string; limit: string };
  memory: { request: string; limit: string };
}

export interface SubgraphDeclaration {
  /** Lower case letters (a-z), digits and dashes; folder, package, database and variable names derive from it. */
  readonly name: string;
  readonly description: string;
  /** Its default port (local runs, containers). */
  readonly port: number;
  readonly issuesAccessTokens: boolean;
  /** Event types (of @quizgraph/events' contract) it publishes through its outbox. */
  readonly publishes: readonly string[];
  /** Event types delivered to its `/internal/events`. */
  readonly consumes: readonly string[];
  readonly callsInternal: readonly string[];
  readonly commands: Readonly<Record<string, string>>;
  readonly resources: Resources;
}
