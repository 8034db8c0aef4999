import { consumersOfEvent, defaultPort, eventRecipientsOf, publisherOfEvent, type SUBGRAPHS, type SubgraphName, variables } from '@quizgraph/topology';
import { EVENT_TYPES, type EventType } from './contract.js';

/** The services that publish or consume events (the router does neither): the subgraphs of the service list. */
export type ServiceName = SubgraphName;

export interface EventRoute {
  publisher: ServiceName;
  consumers: readonly ServiceName[];
}

type Declaration = (typeof SUBGRAPHS)[number];

export type EventsPublishedBy<S extends ServiceName> = Extract<Extract<Declaration, { name: S }>['publishes'][number], EventType>;
export type EventsConsumedBy<S extends ServiceName> = Extract<Extract<Declaration, { name: S }>['consumes'][number], EventType>;

// Every event of the contract has its publisher in the service list, and the list names no other event.
type Declared = Declaration['publishes'][number] | Declaration['consumes'][number];
const everyEventIsPublished: [EventType] extends [Declaration['publishes'][number]] ? true : never = true;
const onlyContractEvents: [Declared] extends [EventType] ? true : never = true;
void everyEventIsPublished;
void onlyContractEvents;

/**
 * Who publishes each event and who must receive it, read from the service list (`publishes` and
 * `consumes` of each entry in @quizgraph/topology). Relays deliver by it, consumers accept callers by
 * it: adding a consumer there is the whole of routing an event to a new service.
 */
export const EVENT_ROUTES = Object.fromEntries(
  EVENT_TYPES.map((type) => {
    const publisher = publisherOfEvent(type);
    if (!publisher) throw new Error(`Event ${type} has no publisher in the service list (packages/topology)`);
    return [type, { publisher, consumers: consumersOfEvent(type) }];
  }),
) as unknown as Record<EventType, EventRoute>;

export function eventsPublishedBy<S extends ServiceName>(service: S): EventsPublishedBy<S>[] {
  return EVENT_TYPES.filter((type) => EVENT_ROUTES[type].publisher === service) as EventsPublishedBy<S>[];
}

export function eventsConsumedBy<S extends ServiceName>(service: S): EventsConsumedBy<S>[] {
  return EVENT_TYPES.filter((type) => EVENT_ROUTES[type].consumers.includes(service)) as EventsConsumedBy<S>[];
}

export function publisherOf(type: EventType): ServiceName {
  return EVENT_ROUTES[type].publisher;
}

export function consumersOf(type: EventType): readonly ServiceName[] {
  return EVENT_ROUTES[type].consumers;
}

/** The callers a consumer of `types` must let through on its events route: their publishers, once each. */
export function publishersFor(types: readonly EventType[]): ServiceName[] {
  return [...new Set(types.map(publisherOf))];
}

export interface EventRecipient {
  name: ServiceName;
  /** Its `/internal/events` endpoint. */
  url: string;
}

/**
 * Where `publisher`'s relay delivers: for each consumer of what it publishes, `<CONSUMER>_EVENTS_URL`;
 * when that is unset, `<CONSUMER>_INTERNAL_URL` + `/internal/events` (a caller of that service's
 * internal channel already knows where it is), else the consumer's default local port.
 */
export function eventRecipientsFromEnv(publisher: ServiceName, env: NodeJS.ProcessEnv): EventRecipient[] {
  return eventRecipientsOf(publisher).map((name) => {
    const variable = variables.eventsUrl(name);
    const internal = env[variables.internalUrl(name)];
    const value = env[variable] || (internal ? new URL('/internal/events', internal).href : `http://localhost:${defaultPort(name)}/internal/events`);
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
      return { name, url: url.href };
    } catch {
      throw new Error(`Invalid ${publisher} service environment:\n  ${variable}: not an http(s) URL (${JSON.stringify(value)})`);
    }
  });
}
