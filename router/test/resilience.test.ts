import { describe, expect, it } from 'vitest';
import {
  callResiliently,
  CircuitBreaker,
  failureKindOf,
  mayRetry,
  operationKindOf,
  retryDelayMs,
  SubgraphUnavailableError,
  type CircuitState,
  type RetryPolicy,
} from '../src/resilience.js';
import { unavailableErrors } from '../src/subgraphDataSource.js';

const policy: RetryPolicy = { retries: 2, baseDelayMs: 50, maxDelayMs: 1_000 };

describe('the retry rule', () => {
  it('retries queries after availability failures, at most `retries` times', () => {
    for (const failure of ['network', 'timeout', 'status'] as const) {
      expect(mayRetry('query', failure, 0, policy)).toBe(true);
      expect(mayRetry('query', failure, 1, policy)).toBe(true);
      expect(mayRetry('query', failure, 2, policy)).toBe(false);
    }
    expect(mayRetry('query', 'network', 0, { ...policy, retries: 0 })).toBe(false);
  });

  it('never retries a mutation, an answer that is not an availability failure, or an open circuit', () => {
    for (const failure of ['network', 'timeout', 'status'] as const) expect(mayRetry('mutation', failure, 0, policy)).toBe(false);
    expect(mayRetry('query', null, 0, policy)).toBe(false);
    expect(mayRetry('query', 'circuit-open', 0, policy)).toBe(false);
  });

  it('draws each delay below a cap that doubles per retry, up to the maximum', () => {
    const almostOne = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry, policy, almostOne))).toEqual([49, 99, 199, 399, 799, 999]);
    expect(retryDelayMs(3, policy, () => 0)).toBe(0);
    expect(retryDelayMs(1, policy, () => 0.5)).toBe(50);
  });

  it('reads the operation type from the subgraph request', () => {
    expect(operationKindOf('query Q__results__1($representations:[_Any!]!){_entities(representations:$representations){__typename}}')).toBe('query');
    expect(operationKindOf('{leaderboard{totalCount}}')).toBe('query');
    // What cannot be classified is never retried.
    expect(operationKindOf('# a comment\nmutation M { logout }')).toBe('unknown');
    expect(operationKindOf('mutation M__results__0($q:ID!){submitQuiz(quizId:$q,answers:[]){id}}')).toBe('mutation');
    expect(operationKindOf('  mutation{logoutEverywhere}')).toBe('mutation');
  });

  it('tells availability failures from answers', () => {
    expect(failureKindOf(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe('timeout');
    expect(failureKindOf(new TypeError('fetch failed'))).toBe('network');
    expect(failureKindOf(new SubgraphUnavailableError('status', 503))).toBe('status');
    expect(failureKindOf(new Error('401: Unauthorized'))).toBeNull();
    expect(failureKindOf(new TypeError('Cannot read properties of undefined'))).toBeNull();
  });
});

function breakerAt(start = 0) {
  let now = start;
  const changes: Array<[CircuitState, CircuitState]> = [];
  const breaker = new CircuitBreaker({
    failureThreshold: 3,
    coolDownMs: 1_000,
    now: () => now,
    onStateChange: (state, previous) => changes.push([previous, state]),
  });
  return { breaker, changes, advance: (ms: number) => (now += ms) };
}

describe('the circuit breaker', () => {
  it('opens after the threshold of consecutive failures, and fails fast while open', () => {
    const { breaker, changes } = breakerAt();
    for (let i = 0; i < 2; i++) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.failed();
    }
    expect(breaker.state).toBe('closed');
    // A success in between resets the count.
    expect(breaker.tryAcquire()).toBe(true);
    breaker.succeeded();
    for (let i = 0; i < 3; i++) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.failed();
    }
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(changes).toEqual([['closed', 'open']]);
  });

  it('half-opens after the cool-down with one trial call; its success closes the circuit', () => {
    const { breaker, changes, advance } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failed();
    advance(999);
    expect(breaker.tryAcquire()).toBe(false);
    advance(1);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state).toBe('half-open');
    // Only the one trial: others still fail fast while it is in flight.
    expect(breaker.tryAcquire()).toBe(false);
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    expect(changes).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
  });

  it('opens again for a whole cool-down when the trial call fails', () => {
    const { breaker, advance } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failed();
    advance(1_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.failed();
    expect(breaker.state).toBe('open');
    advance(999);
    expect(breaker.tryAcquire()).toBe(false);
    advance(1);
    expect(breaker.tryAcquire()).toBe(true);
  });
});

describe('a resilient call', () => {
  const failing = (error: unknown) => {
    let calls = 0;
    return {
      attempt: async () => {
        calls += 1;
        throw error;
      },
      calls: () => calls,
    };
  };
  const sleeps: number[] = [];
  const options = (operation: 'query' | 'mutation', breaker = breakerAt().breaker) => ({
    operation,
    breaker,
    policy,
    random: () => 0.5,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  });

  it('tries a query three times in all, waiting a jittered backoff in between', async () => {
    sleeps.length = 0;
    const call = failing(new TypeError('fetch failed'));
    await expect(callResiliently(call.attempt, options('query'))).rejects.toThrow('fetch failed');
    expect(call.calls()).toBe(3);
    expect(sleeps).toEqual([25, 50]);
  });

  it('tries a mutation once', async () => {
    const call = failing(new DOMException('timed out', 'TimeoutError'));
    await expect(callResiliently(call.attempt, options('mutation'))).rejects.toThrow('timed out');
    expect(call.calls()).toBe(1);
  });

  it('neither retries nor counts an error that is an answer', async () => {
    const { breaker } = breakerAt();
    const call = failing(new Error('401: Unauthorized'));
    for (let i = 0; i < 5; i++) await expect(callResiliently(call.attempt, options('query', breaker))).rejects.toThrow('401');
    expect(call.calls()).toBe(5);
    expect(breaker.state).toBe('closed');
  });

  it('counts every failed attempt toward the breaker, and then fails without calling', async () => {
    const { breaker } = breakerAt();
    const call = failing(new SubgraphUnavailableError('status', 502));
    await expect(callResiliently(call.attempt, options('query', breaker))).rejects.toThrow('HTTP 502');
    expect(breaker.state).toBe('open');
    await expect(callResiliently(call.attempt, options('query', breaker))).rejects.toMatchObject({ kind: 'circuit-open' });
    expect(call.calls()).toBe(3);
  });

  it('returns what a retry gets', async () => {
    let calls = 0;
    const result = await callResiliently(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('fetch failed');
      return 'answer';
    }, options('query'));
    expect(result).toBe('answer');
    expect(calls).toBe(2);
  });
});

describe('the errors of a failed call', () => {
  it('stand at each field of each entity of an entity fetch, by its type', () => {
    const query =
      'query Q__results__1($representations:[_Any!]!){_entities(representations:$representations){...on Quiz{stats{attempts}board:leaderboard{totalCount}__typename}...on User{stats{rank}}}}';
    const errors = unavailableErrors('results', query, 'Q__results__1', {
      representations: [
        { __typename: 'Quiz', id: 'a' },
        { __typename: 'User', id: 'b' },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual([
      ['_entities', 0, 'stats'],
      ['_entities', 0, 'board'],
      ['_entities', 1, 'stats'],
    ]);
    expect(errors[0]).toEqual({
      message: 'The results service is unavailable right now.',
      path: ['_entities', 0, 'stats'],
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'results' },
    });
  });

  it('stand at each root field of a root fetch, and at none when the query cannot be read', () => {
    expect(unavailableErrors('quizzes', '{quiz(id:"1"){title}top:quizzes{totalCount}}', undefined, {}).map((e) => e.path)).toEqual([['quiz'], ['top']]);
    expect(unavailableErrors('quizzes', '{', undefined, {})).toEqual([
      { message: 'The quizzes service is unavailable right now.', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'quizzes' } },
    ]);
  });
});
