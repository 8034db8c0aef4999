import { ROUTER, SUBGRAPHS, type SubgraphDeclaration } from './services.js';

export { ROUTER, SUBGRAPHS, type Resources, type SubgraphDeclaration } from './services.js';

export type Subgraph = (typeof SUBGRAPHS)[number];
export type SubgraphName = Subgraph['name'];
/** Every process of the product: the subgraphs in start order, then the router. */
export type ProcessName = SubgraphName | typeof ROUTER.name;

export const SUBGRAPH_NAMES: readonly SubgraphName[] = SUBGRAPHS.map((s) => s.name);
export const PROCESS_NAMES: readonly ProcessName[] = [...SUBGRAPH_NAMES, ROUTER.name];

export function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

export function subgraph<N extends SubgraphName>(name: N): Extract<Subgraph, { name: N }> {
  const found = SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`Unknown subgraph "${name}"; the subgraphs are ${SUBGRAPH_NAMES.join(', ')}`);
  return found as Extract<Subgraph, { name: N }>;
}

/** The subgraph that signs access tokens (its JWKS is at `/.well-known/jwks.json`). */
export const ACCESS_TOKEN_ISSUER: SubgraphName = (() => {
  const issuers = SUBGRAPHS.filter((s) => s.issuesAccessTokens);
  if (issuers.length !== 1) throw new Error(`Exactly one subgraph issues access tokens; found ${issuers.length}`);
  return issuers[0]!.name;
})();

export function defaultPort(name: ProcessName): number {
  return name === ROUTER.name ? ROUTER.port : subgraph(name as SubgraphName).port;
}

/** `results` → `RESULTS`, `quiz-packs` → `QUIZ_PACKS`: the prefix of a process's variables. */
export function envPrefix(name: string): string {
  return name.toUpperCase().replaceAll('-', '_');
}

/** The variables every process and tool reads, named in one place. */
export const variables = {
  /** `<NAME>_PORT`: where the process listens. */
  port: (name: ProcessName) => `${envPrefix(name)}_PORT`,
  /** `<NAME>_DATABASE_URL`: a subgraph's database (or `<NAME>_DATABASE_URL_FILE`). */
  databaseUrl: (name: SubgraphName) => `${envPrefix(name)}_DATABASE_URL`,
  /** `<NAME>_SUBGRAPH_URL`: where a router reaches the subgraph's GraphQL endpoint. */
  subgraphUrl: (name: SubgraphName) => `${envPrefix(name)}_SUBGRAPH_URL`,
  /** `<NAME>_EVENTS_URL`: where publishers deliver the subgraph's events. */
  eventsUrl: (name: SubgraphName) => `${envPrefix(name)}_EVENTS_URL`,
  /** `<NAME>_INTERNAL_URL`: the origin of the subgraph's internal channel, for its callers. */
  internalUrl: (name: SubgraphName) => `${envPrefix(name)}_INTERNAL_URL`,
  /** Where every process but the issuer fetches the access-token keys. */
  accessTokenJwksUrl: 'ACCESS_TOKEN_JWKS_URL',
} as const;

/** How the processes reach one another in one deployment (local processes, compose, a cluster). */
export interface Wiring<N extends string = ProcessName> {
  /** Where the others reach process `name`, without a path: `http://results:4003`. */
  origin(name: N): string;
  /** The port process `name` listens on (default: its port in the list). */
  port?(name: N): number | string;
  /** A subgraph's database URL; omitted (e.g. given as a `_FILE` secret instead) when it returns undefined. */
  databaseUrl?(name: N extends ProcessName ? SubgraphName : N): string | undefined;
}

/**
 * The variables that connect process `name` to the others, from the list alone: its port and
 * database, where it delivers its events (`<CONSUMER>_EVENTS_URL`), whose internal channel it calls
 * (`<TARGET>_INTERNAL_URL`), where the access-token keys are; for the router, every subgraph's URL.
 * `pnpm start`, the test stack and the generated compose files and manifests all wire with it.
 */
export function wiringEnvironment(name: ProcessName, wiring: Wiring): Record<string, string> {
  return CURRENT.wiringEnvironment(name, wiring as Wiring<string>);
}

/** `quizgraph_<name>`: a subgraph's database (tests put their own prefix in place of `quizgraph`). */
export function databaseName(name: SubgraphName, prefix = 'quizgraph'): string {
  return `${prefix}_${name.replaceAll('-', '_')}`;
}

/** `@quizgraph/<name>`: a subgraph's package. */
export function packageName(name: SubgraphName): string {
  return `@quizgraph/${name}`;
}

/** `subgraphs/<name>`, relative to the repository root. */
export function folder(name: SubgraphName): string {
  return `subgraphs/${name}`;
}

/** The subgraphs an event type is delivered to. */
export function consumersOfEvent(type: string): SubgraphName[] {
  return CURRENT.consumersOfEvent(type) as SubgraphName[];
}

/** The subgraph that publishes an event type, if any. */
export function publisherOfEvent(type: string): SubgraphName | undefined {
  return CURRENT.publisherOfEvent(type) as SubgraphName | undefined;
}

/** The subgraphs `name` delivers events to: every consumer of what it publishes, once each, in list order. */
export function eventRecipientsOf(name: SubgraphName): SubgraphName[] {
  return CURRENT.eventRecipientsOf(name) as SubgraphName[];
}

/** Who may call `name`'s `/internal/events`: the publishers of what it consumes. */
export function eventSendersTo(name: SubgraphName): SubgraphName[] {
  return CURRENT.eventSendersTo(name) as SubgraphName[];
}

/** Who may call `name`'s internal channel (besides events). */
export function internalCallersOf(name: SubgraphName): SubgraphName[] {
  return CURRENT.internalCallersOf(name) as SubgraphName[];
}

/**
 * The relations of a list of subgraphs (who delivers events to whom, who calls whom, who issues access
 * tokens, how processes are wired). The functions above answer for SUBGRAPHS; the deployment generator
 * and its tests also ask about other lists (a list with one more subgraph).
 */
export function topologyOf(list: readonly SubgraphDeclaration[]) {
  const names = list.map((s) => s.name);
  const get = (name: string): SubgraphDeclaration => {
    const found = list.find((s) => s.name === name);
    if (!found) throw new Error(`Unknown subgraph "${name}"; the subgraphs are ${names.join(', ')}`);
    return found;
  };
  const issuer = list.find((s) => s.issuesAccessTokens)?.name;
  if (issuer === undefined) throw new Error('No subgraph issues access tokens');
  const view = {
    list,
    names,
    /** The subgraph that signs access tokens. */
    issuer,
    subgraph: get,
    defaultPort: (name: string): number => (name === ROUTER.name ? ROUTER.port : get(name).port),
    consumersOfEvent: (type: string): string[] => list.filter((s) => s.consumes.includes(type)).map((s) => s.name),
    publisherOfEvent: (type: string): string | undefined => list.find((s) => s.publishes.includes(type))?.name,
    eventRecipientsOf(name: string): string[] {
      const published = get(name).publishes;
      return list.filter((s) => s.name !== name && s.consumes.some((t) => published.includes(t))).map((s) => s.name);
    },
    eventSendersTo(name: string): string[] {
      const consumed = get(name).consumes;
      return list.filter((s) => s.name !== name && s.publishes.some((t) => consumed.includes(t))).map((s) => s.name);
    },
    internalCallersOf: (name: string): string[] => list.filter((s) => s.callsInternal.includes(name)).map((s) => s.name),
    /** The subgraphs whose port `name` opens connections to: event recipients, internal targets, the issuer's JWKS. */
    callees(name: string): string[] {
      if (name === ROUTER.name) return [...names];
      const self = get(name);
      const out = [...view.eventRecipientsOf(name), ...self.callsInternal];
      if (!self.issuesAccessTokens) out.push(issuer);
      return names.filter((n) => out.includes(n));
    },
    /** The processes that open connections to subgraph `name`'s port (the router first). */
    callers(name: string): string[] {
      return [ROUTER.name, ...names.filter((n) => n !== name && view.callees(n).includes(name))];
    },
    wiringEnvironment(name: string, wiring: Wiring<string>): Record<string, string> {
      const env: Record<string, string> = { [variables.port(name as ProcessName)]: String(wiring.port?.(name) ?? view.defaultPort(name)) };
      const jwks = `${wiring.origin(issuer)}/.well-known/jwks.json`;
      if (name === ROUTER.name) {
        for (const s of names) env[variables.subgraphUrl(s as SubgraphName)] = `${wiring.origin(s)}/graphql`;
        env[variables.accessTokenJwksUrl] = jwks;
        return env;
      }
      const self = get(name);
      const databaseUrl = wiring.databaseUrl?.(self.name);
      if (databaseUrl !== undefined) env[variables.databaseUrl(self.name as SubgraphName)] = databaseUrl;
      for (const recipient of view.eventRecipientsOf(name)) env[variables.eventsUrl(recipient as SubgraphName)] = `${wiring.origin(recipient)}/internal/events`;
      for (const target of self.callsInternal) env[variables.internalUrl(target as SubgraphName)] = wiring.origin(target);
      if (!self.issuesAccessTokens) env[variables.accessTokenJwksUrl] = jwks;
      return env;
    },
  };
  return view;
}

export type Topology = ReturnType<typeof topologyOf>;

/**
 * Names a subgraph (or a command) cannot take: the other bundles of the image (dist/<name>.mjs) and the
 * objects the compose files and manifests already name (services, Secrets, NetworkPolicies).
 */
const RESERVED_NAMES: readonly string[] = [
  'migrate',
  'seed-demo-data',
  'postgres',
  'postgres-server',
  'pgbouncer',
  'database-server',
  'demo-data',
  'dns',
  'default-deny',
  'service-credential-public-keys',
];

/** Everything the list must satisfy; thrown at import, so a wrong entry fails every process and test at once. */
export function validateTopology(list: readonly SubgraphDeclaration[] = SUBGRAPHS): void {
  const problems: string[] = [];
  const names = list.map((s) => s.name);
  const ports = [ROUTER.port, ...list.map((s) => s.port)];
  for (const s of list) {
    if (!/^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(s.name) || s.name.length > 40) {
      problems.push(`"${s.name}": a name is lower case letters, digits and inner dashes, at most 40 (it names Kubernetes objects and variables)`);
    }
    if (s.name === ROUTER.name || RESERVED_NAMES.includes(s.name))
      problems.push(`"${s.name}": taken by the router or a deployment object (${[ROUTER.name, ...RESERVED_NAMES].join(', ')})`);
    if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65_535) problems.push(`"${s.name}": port ${s.port} is not a port`);
    for (const target of s.callsInternal) {
      const at = names.indexOf(target);
      if (at < 0) problems.push(`"${s.name}" calls unknown subgraph "${target}"`);
      else if (at > names.indexOf(s.name)) problems.push(`"${s.name}" calls "${target}", which starts after it: list "${target}" first`);
    }
    for (const command of Object.keys(s.commands)) {
      if (names.includes(command) || command === ROUTER.name || RESERVED_NAMES.includes(command)) {
        problems.push(`"${s.name}": command "${command}" has the name of a service or of another bundle (dist/${command}.mjs)`);
      }
    }
  }
  for (const name of new Set(names)) if (names.filter((n) => n === name).length > 1) problems.push(`"${name}" is listed twice`);
  const commands = list.flatMap((s) => Object.keys(s.commands));
  for (const command of new Set(commands)) if (commands.filter((c) => c === command).length > 1) problems.push(`command "${command}" is declared twice`);
  for (const port of new Set(ports)) if (ports.filter((p) => p === port).length > 1) problems.push(`port ${port} is taken twice`);
  const issuers = list.filter((s) => s.issuesAccessTokens);
  if (issuers.length !== 1) problems.push(`exactly one subgraph issues access tokens (found ${issuers.length})`);
  else if (list[0] !== issuers[0]) problems.push(`"${issuers[0]!.name}" issues access tokens, so it starts first: list it first`);
  const published = list.flatMap((s) => s.publishes);
  for (const type of new Set(published)) if (published.filter((t) => t === type).length > 1) problems.push(`event ${type} has more than one publisher`);
  for (const s of list) {
    for (const type of s.consumes) if (!published.includes(type)) problems.push(`"${s.name}" consumes ${type}, which nobody publishes`);
    if (s.consumes.some((t) => (s.publishes as readonly string[]).includes(t))) problems.push(`"${s.name}" consumes its own event`);
  }
  if (problems.length > 0) throw new Error(`packages/topology/src/services.ts:\n  ${problems.join('\n  ')}`);
}

validateTopology();
const CURRENT = topologyOf(SUBGRAPHS);
