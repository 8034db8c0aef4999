import { createLogger } from '@quizgraph/service-kit';
import type { Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { eventsRoute, type DomainEvent, type EventOutcome } from '../src/index.js';

const logger = createLogger({ level: 'silent' });

/** The route for results, with the caller check and body parser set aside: what remains is the receiving handler. */
function resultsRoute(apply: (event: DomainEvent<'UserDeleted' | 'QuizArchived'>) => Promise<EventOutcome>) {
  const allowed: string[][] = [];
  const requireCaller = (callers: readonly string[]): RequestHandler => {
    allowed.push([...callers]);
    return (_req, _res, next) => next();
  };
  const handlers = eventsRoute({ service: 'results', requireCaller, apply, logger });
  const receive = handlers.at(-1)!;
  return {
    allowed,
    handlers,
    async post(body: unknown, caller: string) {
      const answer: { status?: number; body?: unknown } = {};
      const res = {
        locals: { caller: { name: caller } },
        status(code: number) {
          answer.status = code;
          return this;
        },
        json(value: unknown) {
          answer.body = value;
          return this;
        },
        end() {
          return this;
        },
      };
      await receive({ body } as Request, res as unknown as Response, () => undefined);
      return answer;
    },
  };
}

const userDeleted = () => ({ id: randomUUID(), type: 'UserDeleted', payload: { userId: randomUUID() } });

describe('eventsRoute', () => {
  it('lets in the publishers of what the service consumes, behind the caller check and a body parser', () => {
    const route = resultsRoute(async () => 'applied');
    expect(route.allowed.map((callers) => callers.sort())).toEqual([['quizzes', 'users']]);
    expect(route.handlers).toHaveLength(3);
  });

  it('applies an event from its publisher and answers 204', async () => {
    const apply = vi.fn(async () => 'applied' as const);
    const event = userDeleted();
    expect(await resultsRoute(apply).post(event, 'users')).toEqual({ status: 204 });
    expect(apply).toHaveBeenCalledWith(event);
  });

  it('answers 204 to a duplicate too, so the relay stops retrying it', async () => {
    expect((await resultsRoute(async () => 'duplicate').post(userDeleted(), 'users')).status).toBe(204);
  });

  it('refuses with 400 an event the service does not consume, or a broken one, without applying it', async () => {
    const apply = vi.fn(async () => 'applied' as const);
    const route = resultsRoute(apply);
    const played = { id: randomUUID(), type: 'QuizPlayed', payload: { quizId: randomUUID(), attempts: 1, players: 1 } };
    expect((await route.post(played, 'results')).status).toBe(400);
    expect((await route.post({ ...userDeleted(), payload: {} }, 'users')).status).toBe(400);
    expect(apply).not.toHaveBeenCalled();
  });

  it("refuses with 403 another publisher's event", async () => {
    const apply = vi.fn(async () => 'applied' as const);
    expect((await resultsRoute(apply).post(userDeleted(), 'quizzes')).status).toBe(403);
    expect(apply).not.toHaveBeenCalled();
  });

  it('answers 500 when applying fails, so the relay delivers it again', async () => {
    const answer = await resultsRoute(async () => Promise.reject(new Error('database down'))).post(userDeleted(), 'users');
    expect(answer).toEqual({ status: 500, body: { error: 'Internal server error.' } });
  });
});
