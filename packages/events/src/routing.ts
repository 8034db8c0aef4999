import { EVENT_TYPES, type EventType } from './contract.js';

/** The services that publish or consume events (the router does neither). */
export type ServiceName = 'users' | 'quizzes' | 'results';

export interface EventRoute {
  publisher: ServiceName;
  consumers: readonly ServiceName[];
}

/**
 * Who publishes each event and who must receive it. Relays deliver by it, consumers accept callers by
 * it: adding a consumer here is the whole of routing a new event.
 */
export const EVENT_ROUTES = {
  UserDeleted: { publisher: 'users', consumers: ['results', 'quizzes'] },
  QuizArchived: { publisher: 'quizzes', consumers: ['results'] },
  QuizPlayed: { publisher: 'results', consumers: ['quizzes'] },
} as const satisfies Record<EventType, EventRoute>;

type Routes = typeof EVENT_ROUTES;

export type EventsPublishedBy<S extends ServiceName> = { [T in EventType]: Routes[T]['publisher'] extends S ? T : never }[EventType];
export type EventsConsumedBy<S extends ServiceName> = { [T in EventType]: S extends Routes[T]['consumers'][number] ? T : never }[EventType];

export function eventsPublishedBy<S extends ServiceName>(service: S): EventsPublishedBy<S>[] {
  return EVENT_TYPES.filter((type) => EVENT_ROUTES[type].publisher === service) as EventsPublishedBy<S>[];
}

export function eventsConsumedBy<S extends ServiceName>(service: S): EventsConsumedBy<S>[] {
  return EVENT_TYPES.filter((type) => (EVENT_ROUTES[type].consumers as readonly ServiceName[]).includes(service)) as EventsConsumedBy<S>[];
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
