/**
 * One resilience policy set per downstream service (cockatiel), shared by every call to it:
 *
 *   idempotent call:  total timeout ─ retry (back-off) ─ circuit breaker ─ attempt timeout ─ HTTP
 *   one-shot call:                                      circuit breaker ─ attempt timeout ─ HTTP
 *
 * Only calls that are safe to send twice are retried: GETs, and calls the service applies once per
 * key (an order id). The breaker counts this hop's failures only: a downstream that answers "my own
 * upstream is down" (a relayed 503/504) is alive and does not open it.
 */
import {
  BrokenCircuitError, ConsecutiveBreaker, ExponentialBackoff, TaskCancelledError, TimeoutStrategy,
  circuitBreaker, handleWhen, retry, timeout, wrap, type CircuitBreakerPolicy, type IPolicy,
} from 'cockatiel';
import type { Logger } from 'pino';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../../common/errors.js';
import { ServiceUnreachableError } from './errors.js';

export interface CallBudget {
  /** Deadline of one attempt, response body included. */
  readonly attemptTimeoutMs: number;
  /** Attempts after the first one; used only for idempotent calls. */
  readonly retries: number;
  /** Deadline of the whole call, retries and back-off included. */
  readonly totalTimeoutMs: number;
}

export interface DownstreamBudgets {
  /** Idempotent calls. */
  readonly idempotent: CallBudget;
  /** Calls that must not be sent twice: one attempt, this deadline. */
  readonly oneShotTimeoutMs: number;
  /** Opens after this many failures in a row… */
  readonly breakAfterFailures?: number;
  /** …and lets one trial call through after this long. */
  readonly halfOpenAfterMs?: number;
}

export class DownstreamPolicies {
  readonly breaker: CircuitBreakerPolicy;
  readonly idempotent: IPolicy;
  readonly oneShot: IPolicy;

  constructor(readonly service: string, readonly budgets: DownstreamBudgets, logger: Logger) {
    this.breaker = circuitBreaker(handleWhen(isThisHopFailure), {
      halfOpenAfter: budgets.halfOpenAfterMs ?? 1_000,
      breaker: new ConsecutiveBreaker(budgets.breakAfterFailures ?? 5),
    });
    this.breaker.onBreak(() => logger.warn({ downstream: service }, 'circuit opened'));
    this.breaker.onReset(() => logger.info({ downstream: service }, 'circuit closed'));
    const { attemptTimeoutMs, retries, totalTimeoutMs } = budgets.idempotent;
    this.idempotent = wrap(
      timeout(totalTimeoutMs, TimeoutStrategy.Aggressive),
      retry(handleWhen(isWorthRetrying), {
        maxAttempts: retries,
        backoff: new ExponentialBackoff({ initialDelay: 25, maxDelay: 250 }),
      }),
      this.breaker,
      timeout(attemptTimeoutMs, TimeoutStrategy.Aggressive),
    );
    this.oneShot = wrap(this.breaker, timeout(budgets.oneShotTimeoutMs, TimeoutStrategy.Aggressive));
  }

  /** What a failed call means to the caller: unavailable (503), timed out (504), or the error as it is. */
  translate(error: unknown, timeoutMs: number): unknown {
    if (error instanceof BrokenCircuitError) {
      return new UpstreamUnavailableError(this.service, 'circuit open after repeated failures', { cause: error });
    }
    if (error instanceof TaskCancelledError) return new UpstreamTimeoutError(this.service, timeoutMs, { cause: error });
    if (error instanceof ServiceUnreachableError) return new UpstreamUnavailableError(this.service, error.reason, { cause: error });
    return error;
  }
}

/** Relayed outages (the service is up, its own upstream is not) are not this hop's fault. */
function isThisHopFailure(error: Error): boolean {
  return !(error instanceof UpstreamUnavailableError || error instanceof UpstreamTimeoutError);
}

/** Nothing was answered: try again. An open circuit or a 5xx answer would only fail again. */
function isWorthRetrying(error: Error): boolean {
  return error instanceof ServiceUnreachableError || error instanceof TaskCancelledError;
}
