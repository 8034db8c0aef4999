import type { SubgraphName } from '@quizgraph/topology';
import type { KeyRing } from './keys.js';
import type { Logger } from './logger.js';
import type { RunningService } from './service.js';
import type { ShutdownSettings } from './shutdown.js';
import type { KeySource, ServiceCredentialSigner } from './tokens.js';

/**
 * What the in-process stack (`startStack`: tests, benches) gives each subgraph it starts. Every
 * subgraph's folder has `src/stack.ts` exporting `startInStack(context)`, which turns this into its
 * own options, so the stack starts any subgraph of the service list without naming it.
 */
export interface StackServiceContext {
  name: SubgraphName;
  databaseUrl: string;
  port: number;
  host: string;
  logger: Logger;
  shutdown?: Partial<ShutdownSettings>;
  /** The access-token key ring: the issuer (the list's `issuesAccessTokens`) signs with it. */
  accessTokenKeys: KeyRing;
  /** The access-token keys as everyone else gets them: the issuer's JWKS document. */
  accessKeys: KeySource;
  /** Every credential holder's public keys, each bound to its holder. */
  serviceKeys: KeySource;
  /** Signs this service's own credentials, with its own key. */
  signer: ServiceCredentialSigner;
  /** The origin (`http://127.0.0.1:port`) of a subgraph started before this one (the list's start order). */
  originOf(name: SubgraphName): string;
  /** Where this service's events go, read at each delivery (consumers that have started). */
  eventRecipients(): Array<{ name: string; url: string }>;
  /** How often outbox relays look for undelivered events. */
  outboxIntervalMs?: number;
  /** The stack's clock, for services that keep time (tests move it through deadlines). */
  clock?: () => Date;
  /** Settings only this service knows (StackOptions.serviceSettings[name]), e.g. a sign-in throttle. */
  settings: Readonly<Record<string, unknown>>;
}

/** The module `subgraphs/<name>/src/stack.ts`. */
export interface StackServiceModule {
  startInStack(context: StackServiceContext): Promise<RunningService>;
}

/** The options every subgraph's service takes alike, from the stack's context (each `stack.ts` adds its own). */
export function commonStackOptions(context: StackServiceContext) {
  return {
    databaseUrl: context.databaseUrl,
    port: context.port,
    host: context.host,
    ...(context.shutdown ? { shutdown: context.shutdown } : {}),
    logger: context.logger,
    serviceKeys: context.serviceKeys,
    serviceSigner: context.signer,
    eventSubscribers: () => context.eventRecipients(),
  };
}
