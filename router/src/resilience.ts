/**
 * How the router lives with a subgraph that is down or slow: which failed calls it retries (queries
 * only, a few times, with jittered backoff) and a circuit breaker per subgraph that stops calling one
 * that keeps failing, so clients get a fast SERVICE_UNAVAILABLE instead of waiting for timeouts.
 * Pure rules and a small state machine; the clock, the randomness and the sleep are passed in.
 */

/** Why a subgraph call failed in a way that says the subgraph is unavailable (not a GraphQL error). */
export type FailureKind =
  /** No connection: refused, reset, DNS. */
  | 'network'
  /** No complete answer within the timeout. */
  | 'timeout'
  /** HTTP 5xx (a 4xx is an answer: the subgraph is up, the request was wrong). */
  | 'status'
  /** The circuit breaker is open: not called at all. */
  | 'circuit-open';

/** A subgraph call that failed for availability reasons. Internal: clients see only SERVICE_UNAVAILABLE. */
export class SubgraphUnavailableError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status?: number,
  ) {
    super(kind === 'status' ? `subgraph answered HTTP ${status}` : `subgraph call failed: ${kind}`);
    this.name = 'SubgraphUnavailableError';
  }
}

/**
 * The failure kind of an error thrown while calling a subgraph, or `null` when the error is not about
 * availability (a 4xx, a bug): such errors are neither retried nor counted by the breaker.
 */
export function failureKindOf(error: unknown): FailureKind | null {
  if (error instanceof SubgraphUnavailableError) return error.kind;
  if (!(error instanceof Error)) return null;
  // AbortSignal.timeout() rejects with a TimeoutError, during the request or while the body streams.
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
  // undici: `TypeError: fetch failed` (refused, DNS, reset before the response) and
  // `TypeError: terminated` (the connection closed while the body was streaming).
  if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated')) return 'network';
  return null;
}

export interface RetryPolicy {
  /** Retries after the first attempt (0: none). */
  retries: number;
  /** The backoff cap of the first retry; each further retry doubles it (full jitter below it). */
  baseDelayMs: number;
  /** No backoff is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 50, maxDelayMs: 1_000 };

/** The kind of GraphQL operation a subgraph request carries. */
/** `unknown`: a document the router cannot classify, which is never retried (it might write). */
export type OperationKind = 'query' | 'mutation' | 'subscription' | 'unknown';

/**
 * Whether a failed attempt may be tried again. Only queries: a mutation whose request timed out or
 * whose connection dropped may have run, and running it twice could submit an attempt or send an email
 * twice. Only availability failures (and not an open breaker, which would refuse the retry anyway).
 * `retriesSoFar` counts the retries already made.
 */
export function mayRetry(operation: OperationKind, failure: FailureKind | null, retriesSoFar: number, policy: RetryPolicy): boolean {
  if (operation !== 'query') return false;
  if (failure === null || failure === 'circuit-open') return false;
  return retriesSoFar < policy.retries;
}

/**
 * How long to wait before retry number `retry` (0 for the first): "full jitter" (a uniform draw below an
 * exponentially growing cap), so that many routers retrying after one blip do not hit the subgraph in
 * step. `random` returns a number in [0, 1).
 */
export function retryDelayMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * cap);
}

/** The operation type of a subgraph request's document, read from its first keyword. */
export function operationKindOf(query: string): OperationKind {
  // The gateway writes the operation first (`query Name(...) {`, `mutation ...`, or a bare `{`),
  // fragments after it. Comments are never generated.
  const keyword = /^\s*(query|mutation|subscription)\b/.exec(query)?.[1];
  if (keyword) return keyword as OperationKind;
  return /^\s*\{/.test(query) ? 'query' : 'unknown';
}

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through (half-open). */
  coolDownMs: number;
  /** Milliseconds since an arbitrary epoch (tests pass their own clock). */
  now?: () => number;
  /** Called on every change of state (logging). */
  onStateChange?: (state: CircuitState, previous: CircuitState) => void;
}

export const DEFAULT_BREAKER = { failureThreshold: 5, coolDownMs: 10_000 } as const;

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * A circuit breaker for one subgraph. Closed: every call goes through; `failureThreshold` consecutive
 * failures open it. Open: calls fail at once, for `coolDownMs`. Then half-open: one trial call goes
 * through (the others still fail fast); its success closes the circuit, its failure opens it again for
 * another cool-down.
 *
 * Callers ask `tryAcquire()` before a call and report its outcome with `succeeded()` or `failed()`.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Whether a call may be made now; in half-open, only the one trial call gets `true`. */
  tryAcquire(): boolean {
    if (this.current === 'open') {
      if (this.now() - this.openedAt < this.options.coolDownMs) return false;
      this.transition('half-open');
    }
    if (this.current === 'half-open') {
      if (this.trialInFlight) return false;
      this.trialInFlight = true;
    }
    return true;
  }

  /** The call got an answer (any answer but an availability failure). */
  succeeded(): void {
    this.consecutiveFailures = 0;
    this.trialInFlight = false;
    if (this.current !== 'closed') this.transition('closed');
  }

  /** The call failed for availability reasons. */
  failed(): void {
    this.consecutiveFailures += 1;
    const trial = this.trialInFlight;
    this.trialInFlight = false;
    if (trial || (this.current === 'closed' && this.consecutiveFailures >= this.options.failureThreshold)) {
      this.openedAt = this.now();
      this.transition('open');
    }
  }

  private transition(next: CircuitState): void {
    const previous = this.current;
    this.current = next;
    if (next === 'closed') this.consecutiveFailures = 0;
    this.options.onStateChange?.(next, previous);
  }
}

export interface ResilientCallOptions {
  operation: OperationKind;
  breaker: CircuitBreaker;
  policy: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told of each failed attempt (logging). */
  onFailure?: (failure: FailureKind, attempt: number, willRetry: boolean, error: unknown) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` through the breaker, retrying availability failures of queries by `mayRetry`. Throws
 * the last failure (a `SubgraphUnavailableError('circuit-open')` when the breaker refused the call), or
 * at once any error that is not about availability.
 */
export async function callResiliently<T>(attempt: () => Promise<T>, options: ResilientCallOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  for (let retriesSoFar = 0; ; retriesSoFar += 1) {
    if (!options.breaker.tryAcquire()) throw new SubgraphUnavailableError('circuit-open');
    let failure: FailureKind | null;
    try {
      const result = await attempt();
      options.breaker.succeeded();
      return result;
    } catch (error) {
      failure = failureKindOf(error);
      // Anything but an availability failure means the subgraph answered.
      if (failure === null) options.breaker.succeeded();
      else options.breaker.failed();
      const again = mayRetry(options.operation, failure, retriesSoFar, options.policy);
      if (failure !== null) options.onFailure?.(failure, retriesSoFar + 1, again, error);
      if (!again) throw error;
    }
    await sleep(retryDelayMs(retriesSoFar, options.policy, options.random));
  }
}
