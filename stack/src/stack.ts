import type { DatabaseUrls } from '@quizgraph/prisma';
import { composeSupergraph } from '@quizgraph/router/composition';
import { startRouter, type RunningRouter } from '@quizgraph/router';
import {
  createLogger,
  CREDENTIAL_HOLDERS,
  jwksKeySource,
  keySettingsFromEnv,
  loadOrCreateDevKeyRing,
  loadServiceCredentials,
  type CredentialHolder,
  type Logger,
  type RunningService,
  type ServiceCredentials,
  type ShutdownSettings,
  type KeySource,
  type StackServiceModule,
  staticKeySource,
} from '@quizgraph/service-kit';
import { eventRecipientsOf, folder, SUBGRAPH_NAMES, SUBGRAPHS, type ProcessName, type SubgraphName } from '@quizgraph/topology';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '@quizgraph/prisma';

/** A port for the router and each subgraph of the service list. */
export type StackPorts = Record<ProcessName, number>;

export interface StackOptions {
  databases: DatabaseUrls;
  /** Development keys are generated here on first start. */
  keysDir: string;
  /** 0 everywhere picks free ports (tests). */
  ports: StackPorts;
  host?: string;
  logLevel?: string;
  prettyLogs?: boolean;
  /** Where every service logs (tests read the lines); made from logLevel and prettyLogs when omitted. */
  logger?: Logger;
  /** The clock of services that keep time (results: tests move it through deadlines without waiting). */
  clock?: () => Date;
  /** How often outbox relays look for undelivered events (tests: shorter). */
  outboxIntervalMs?: number;
  /** Readiness grace and drain timeout of every server when the stack stops. */
  shutdown?: Partial<ShutdownSettings>;
  /** Settings only one service knows, by subgraph (its src/stack.ts reads them), e.g. `{ users: { throttle } }`. */
  serviceSettings?: Partial<Record<SubgraphName, Record<string, unknown>>>;
}

export interface RunningStack {
  router: RunningRouter;
  services: Record<SubgraphName, RunningService>;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Runs the subgraphs of the service list and the router in one process, each on its own port, database and HTTP
 * server, talking to each other over HTTP exactly as separate containers would.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? createLogger({ level: options.logLevel ?? 'info', pretty: options.prettyLogs ?? false });
  const accessTokenKeys = await loadOrCreateDevKeyRing(options.keysDir, 'access');
  // Each process its own key pair, as in production: the router's key cannot speak for results.
  const keySettings = keySettingsFromEnv({}, false, options.keysDir);
  const credentials = Object.fromEntries(
    await Promise.all(CREDENTIAL_HOLDERS.map(async (holder) => [holder, await loadServiceCredentials(keySettings, holder)] as const)),
  ) as Record<CredentialHolder, ServiceCredentials>;
  const serviceKeys = credentials.router.keys;
  const signerFor = (caller: CredentialHolder) => credentials[caller].signer;

  const started: Array<{ close(): Promise<void> }> = [];
  try {
    // The subgraphs of the service list, in its order (the access-token issuer first), each from its
    // folder's src/stack.ts; each one's events go to the consumers that have started (read at each delivery).
    const services = {} as Record<SubgraphName, RunningService>;
    const originOf = (name: SubgraphName) => {
      const service = services[name];
      if (!service) throw new Error(`${name} has not started yet: the service list starts it after the caller`);
      return service.origin;
    };
    let accessKeys: KeySource = staticKeySource(accessTokenKeys.verification);
    for (const entry of SUBGRAPHS) {
      const name: SubgraphName = entry.name;
      const module = (await import(pathToFileURL(join(REPO_ROOT, folder(name), 'src/stack.ts')).href)) as StackServiceModule;
      const service = await module.startInStack({
        name,
        databaseUrl: options.databases[name],
        port: options.ports[name],
        host,
        ...(options.shutdown ? { shutdown: options.shutdown } : {}),
        logger: logger.child({ service: name }),
        accessTokenKeys,
        accessKeys,
        serviceKeys,
        signer: signerFor(name),
        originOf,
        eventRecipients: () =>
          eventRecipientsOf(name)
            .filter((recipient) => services[recipient])
            .map((recipient) => ({ name: recipient, url: `${services[recipient]!.origin}/internal/events` })),
        ...(options.outboxIntervalMs ? { outboxIntervalMs: options.outboxIntervalMs } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
        settings: options.serviceSettings?.[name] ?? {},
      });
      started.push(service);
      services[name] = service;
      // Everyone after the issuer verifies access tokens as in production: with the keys it publishes.
      if (entry.issuesAccessTokens) accessKeys = jwksKeySource(`${service.origin}/.well-known/jwks.json`);
    }
    const router = await startRouter({
      // Composed from the SDL files at every start, so an edited schema.graphql takes effect on restart.
      supergraphSdl: await composeSupergraph(join(REPO_ROOT, 'supergraph.yaml')),
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, services[name].url])),
      port: options.ports.router,
      host,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
      logger: logger.child({ service: 'router' }),
      accessKeys,
      serviceSigner: signerFor('router'),
      production: false,
      corsOrigins: '*',
      subgraphTimeoutMs: 10_000,
      trustProxy: false,
    });
    started.push(router);
    return {
      router,
      services,
      logger,
      async stop() {
        // The router first, so no new request reaches a subgraph that is closing.
        for (const part of [...started].reverse()) await part.close();
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.close().catch(() => undefined);
    throw error;
  }
}
