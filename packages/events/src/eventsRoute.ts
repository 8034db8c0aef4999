import type { Logger, ServiceCaller } from '@quizgraph/service-kit';
import express, { type RequestHandler } from 'express';
import { parseEvent, type DomainEvent } from './contract.js';
import { eventsConsumedBy, publisherOf, publishersFor, type EventsConsumedBy, type ServiceName } from './routing.js';

/** What applying an event did: `duplicate` when its id had been applied before. */
export type EventOutcome = 'applied' | 'duplicate';

export interface EventsRouteOptions<S extends ServiceName> {
  /** The consuming service: it accepts the events the routing table sends it, from their publishers. */
  service: S;
  /** The subgraph server's caller check (`routes(app, requireCaller)`). */
  requireCaller: (allowed: readonly string[]) => RequestHandler;
  /** Applies the event once (see recordProcessedEvent); a rejection answers 500 and the relay retries. */
  apply(event: DomainEvent<EventsConsumedBy<S>>): Promise<EventOutcome>;
  logger: Logger;
}

/**
 * The handlers of a consumer's `POST /internal/events`, where publishers' relays deliver: only a
 * publisher of an event this service consumes gets in, and only with an event it publishes itself.
 * Mount with `app.post('/internal/events', ...eventsRoute({ ... }))`.
 */
export function eventsRoute<S extends ServiceName>({ service, requireCaller, apply, logger }: EventsRouteOptions<S>): RequestHandler[] {
  const accepted = eventsConsumedBy(service);
  const receive: RequestHandler = async (req, res) => {
    const event = parseEvent(req.body, accepted);
    if (!event) {
      res.status(400).json({ error: `Not an event ${service} understands.` });
      return;
    }
    const caller = (res.locals.caller as ServiceCaller).name;
    // Another publisher's event would be a forgery or a bug in the sender; either way it must not apply.
    if (caller !== publisherOf(event.type)) {
      res.status(403).json({ error: `${caller} does not publish ${event.type}.` });
      return;
    }
    try {
      const outcome = await apply(event);
      logger.info({ eventId: event.id, type: event.type, outcome }, 'event received');
      res.status(204).end();
    } catch (error) {
      logger.error({ err: error, eventId: event.id, type: event.type }, 'event could not be applied');
      res.status(500).json({ error: 'Internal server error.' });
    }
  };
  // Events are a few hundred bytes: the small limit refuses anything else before it is read.
  return [requireCaller(publishersFor(accepted)), express.json({ limit: '64kb' }), receive];
}
