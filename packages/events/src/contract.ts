import { z } from 'zod';

/**
 * The payload of each event one service sends another: the only definition, imported by publishers
 * (to write it) and consumers (to read it). Objects are not strict: a publisher may add a field before
 * its consumers read it, without their refusing every event meanwhile.
 */
export const EVENT_PAYLOADS = {
  /** An account was deleted: its owner must disappear from everything that named them. */
  UserDeleted: z.object({ userId: z.uuid() }),
  /** A quiz was archived, at `archivedAt`. */
  QuizArchived: z.object({ quizId: z.uuid(), archivedAt: z.iso.datetime() }),
  /**
   * A quiz's totals after a submission (event-carried state): the consumer stores them as they are, so
   * a redelivered or reordered event never counts twice.
   */
  QuizPlayed: z.object({ quizId: z.uuid(), attempts: z.int().nonnegative(), players: z.int().nonnegative() }),
};

export type EventType = keyof typeof EVENT_PAYLOADS;

export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];

export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

/** An event as it travels: the outbox row's id lets consumers apply it once. */
export type DomainEvent<T extends EventType = EventType> = { [K in T]: { id: string; type: K; payload: EventPayload<K> } }[T];

/** An event before the outbox gives it an id. */
export type NewEvent<T extends EventType = EventType> = { [K in T]: { type: K; payload: EventPayload<K> } }[T];

const envelope = z.object({ id: z.uuid(), type: z.string(), payload: z.unknown() });

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_PAYLOADS, type);
}

/**
 * Reads an event of one of `acceptedTypes`; null for anything else, including a well-formed event of a
 * type the caller does not take, so each side names exactly what it handles.
 */
export function parseEvent<T extends EventType>(body: unknown, acceptedTypes: readonly T[]): DomainEvent<T> | null {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return null;
  const { id, type, payload } = parsed.data;
  if (!(acceptedTypes as readonly string[]).includes(type) || !isEventType(type)) return null;
  const checked = EVENT_PAYLOADS[type].safeParse(payload);
  if (!checked.success) return null;
  return { id, type, payload: checked.data } as DomainEvent<T>;
}
