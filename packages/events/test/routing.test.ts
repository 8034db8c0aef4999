import { describe, expect, it } from 'vitest';
import { consumersOf, EVENT_ROUTES, EVENT_TYPES, eventRecipientsFromEnv, eventsConsumedBy, eventsPublishedBy, publishersFor } from '../src/index.js';

describe('EVENT_ROUTES', () => {
  it('routes every event of the contract, from one service to others', () => {
    expect(Object.keys(EVENT_ROUTES).sort()).toEqual([...EVENT_TYPES].sort());
    for (const route of Object.values(EVENT_ROUTES)) {
      expect(route.consumers.length).toBeGreaterThan(0);
      expect(route.consumers).not.toContain(route.publisher);
    }
  });
});

describe('routing helpers', () => {
  it('lists what each service publishes', () => {
    expect(eventsPublishedBy('users')).toEqual(['UserDeleted']);
    expect(eventsPublishedBy('quizzes')).toEqual(['QuizArchived']);
    expect(eventsPublishedBy('results')).toEqual(['QuizPlayed']);
  });

  it('lists what each service consumes', () => {
    expect(eventsConsumedBy('results').sort()).toEqual(['QuizArchived', 'UserDeleted']);
    expect(eventsConsumedBy('quizzes')).toEqual(['UserDeleted', 'QuizPlayed']);
    expect(eventsConsumedBy('users')).toEqual([]);
  });

  it('names the consumers of a type', () => {
    expect(consumersOf('UserDeleted')).toEqual(['quizzes', 'results']);
    expect(consumersOf('QuizPlayed')).toEqual(['quizzes']);
  });

  it('names the callers a consumer accepts, each once', () => {
    expect(publishersFor(eventsConsumedBy('results')).sort()).toEqual(['quizzes', 'users']);
    expect(publishersFor(['UserDeleted', 'UserDeleted'])).toEqual(['users']);
    expect(publishersFor([])).toEqual([]);
  });
});

describe('eventRecipientsFromEnv', () => {
  it("delivers to each consumer's <NAME>_EVENTS_URL, else beside its internal channel, else its local default port", () => {
    expect(eventRecipientsFromEnv('users', { QUIZZES_EVENTS_URL: 'http://quizzes:4002/internal/events' })).toEqual([
      { name: 'quizzes', url: 'http://quizzes:4002/internal/events' },
      { name: 'results', url: 'http://localhost:4003/internal/events' },
    ]);
    expect(eventRecipientsFromEnv('results', { QUIZZES_INTERNAL_URL: 'http://quizzes.internal:4002' })).toEqual([
      { name: 'quizzes', url: 'http://quizzes.internal:4002/internal/events' },
    ]);
  });

  it('names the variable of a URL that is not one', () => {
    expect(() => eventRecipientsFromEnv('quizzes', { RESULTS_EVENTS_URL: 'results:4003' })).toThrow(/RESULTS_EVENTS_URL: not an http\(s\) URL/);
  });
});
