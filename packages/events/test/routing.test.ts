import { describe, expect, it } from 'vitest';
import { consumersOf, EVENT_ROUTES, EVENT_TYPES, eventsConsumedBy, eventsPublishedBy, publishersFor } from '../src/index.js';

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
    expect(consumersOf('UserDeleted')).toEqual(['results', 'quizzes']);
    expect(consumersOf('QuizPlayed')).toEqual(['quizzes']);
  });

  it('names the callers a consumer accepts, each once', () => {
    expect(publishersFor(eventsConsumedBy('results')).sort()).toEqual(['quizzes', 'users']);
    expect(publishersFor(['UserDeleted', 'UserDeleted'])).toEqual(['users']);
    expect(publishersFor([])).toEqual([]);
  });
});
