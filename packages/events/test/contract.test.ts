import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EVENT_PAYLOADS, parseEvent } from '../src/index.js';

const userDeleted = () => ({ id: randomUUID(), type: 'UserDeleted', payload: { userId: randomUUID() } });
const quizArchived = () => ({ id: randomUUID(), type: 'QuizArchived', payload: { quizId: randomUUID(), archivedAt: new Date().toISOString() } });
const quizPlayed = () => ({ id: randomUUID(), type: 'QuizPlayed', payload: { quizId: randomUUID(), attempts: 3, players: 2 } });

describe('parseEvent', () => {
  it('returns an accepted event as it was sent', () => {
    for (const event of [userDeleted(), quizArchived(), quizPlayed()]) {
      expect(parseEvent(event, ['UserDeleted', 'QuizArchived', 'QuizPlayed'])).toEqual(event);
    }
  });

  it('refuses a well-formed event of a type the caller does not accept', () => {
    expect(parseEvent(quizPlayed(), ['UserDeleted', 'QuizArchived'])).toBeNull();
    expect(parseEvent(userDeleted(), [])).toBeNull();
  });

  it('refuses a type nobody defined, even when the caller lists it', () => {
    const unknown = { id: randomUUID(), type: 'UserRenamed', payload: { userId: randomUUID() } };
    expect(parseEvent(unknown, ['UserDeleted'])).toBeNull();
    // A type name that is a property of every object must not pass for a contract entry.
    expect(parseEvent({ ...unknown, type: 'toString' }, ['toString' as 'UserDeleted'])).toBeNull();
  });

  it('refuses a bad envelope', () => {
    const accepted = ['UserDeleted'] as const;
    expect(parseEvent(null, accepted)).toBeNull();
    expect(parseEvent('UserDeleted', accepted)).toBeNull();
    expect(parseEvent({ ...userDeleted(), id: 'not-a-uuid' }, accepted)).toBeNull();
    expect(parseEvent({ type: 'UserDeleted', payload: { userId: randomUUID() } }, accepted)).toBeNull();
  });

  it('refuses a payload that breaks its schema', () => {
    expect(parseEvent({ ...userDeleted(), payload: {} }, ['UserDeleted'])).toBeNull();
    expect(parseEvent({ ...userDeleted(), payload: { userId: 42 } }, ['UserDeleted'])).toBeNull();
    const archived = quizArchived();
    expect(parseEvent({ ...archived, payload: { ...archived.payload, archivedAt: 'yesterday' } }, ['QuizArchived'])).toBeNull();
    const played = quizPlayed();
    expect(parseEvent({ ...played, payload: { ...played.payload, attempts: -1 } }, ['QuizPlayed'])).toBeNull();
    expect(parseEvent({ ...played, payload: { ...played.payload, players: 1.5 } }, ['QuizPlayed'])).toBeNull();
  });

  it('keeps only the fields of the contract, so a publisher can add one before consumers read it', () => {
    const event = userDeleted();
    expect(parseEvent({ ...event, payload: { ...event.payload, reason: 'asked' } }, ['UserDeleted'])).toEqual(event);
  });
});

describe('EVENT_PAYLOADS', () => {
  it('counts attempts and players from zero', () => {
    expect(EVENT_PAYLOADS.QuizPlayed.safeParse({ quizId: randomUUID(), attempts: 0, players: 0 }).success).toBe(true);
  });

  it('takes archivedAt as an ISO date-time only', () => {
    const quizId = randomUUID();
    expect(EVENT_PAYLOADS.QuizArchived.safeParse({ quizId, archivedAt: '2026-11-22T10:00:00.000Z' }).success).toBe(true);
    expect(EVENT_PAYLOADS.QuizArchived.safeParse({ quizId, archivedAt: '2026-11-22' }).success).toBe(false);
  });
});
