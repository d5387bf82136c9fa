/**
 * The resilience policies for one downstream service (cockatiel), shared by every call to it:
 *
 *   idempotent call:  total timeout ─ retry (back-off) ─ next instance ─ its circuit breaker ─ attempt timeout ─ HTTP
 *   one-shot call:                                      next instance ─ its circuit breaker ─ attempt timeout ─ HTTP
 *
 * Instances come from service discovery (or one fixed URL); the breaker is kept per instance.
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
import { RoundRobinBalancer, type InstanceSource } from './discovery/index.js';
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
  /** Idempotent calls: total timeout ─ retry; each attempt goes to the next instance in turn. */
  readonly #idempotent: IPolicy;
  /** One circuit breaker per instance: a dead replica opens its own, and the balancer passes it by. */
  readonly #balancer: RoundRobinBalancer<CircuitBreakerPolicy>;

  constructor(readonly service: string, readonly budgets: DownstreamBudgets, instances: InstanceSource, logger: Logger) {
    this.#balancer = new RoundRobinBalancer(instances, service, {
      policyFor: (instance) => {
        const breaker = circuitBreaker(handleWhen(isThisHopFailure), {
          halfOpenAfter: budgets.halfOpenAfterMs ?? 1_000,
          breaker: new ConsecutiveBreaker(budgets.breakAfterFailures ?? 5),
        });
        const where = { downstream: service, instance: instance.instanceId, url: instance.url };
        breaker.onBreak(() => logger.warn(where, 'circuit opened'));
        breaker.onReset(() => logger.info(where, 'circuit closed'));
        return breaker;
      },
    });
    const { totalTimeoutMs, retries } = budgets.idempotent;
    this.#idempotent = wrap(
      timeout(totalTimeoutMs, TimeoutStrategy.Aggressive),
      retry(handleWhen(isWorthRetrying), {
        maxAttempts: retries,
        backoff: new ExponentialBackoff({ initialDelay: 25, maxDelay: 250 }),
      }),
    );
  }

  /**
   * Runs `attempt` against an instance through the policies: an idempotent call retried (on the next
   * instance) when nothing was answered, a one-shot call once. What fails comes back translated.
   */
  async run<T>(idempotent: boolean, attempt: (baseUrl: string, signal: AbortSignal) => Promise<T>): Promise<T> {
    const { budgets } = this;
    const attemptTimeout = timeout(idempotent ? budgets.idempotent.attemptTimeoutMs : budgets.oneShotTimeoutMs, TimeoutStrategy.Aggressive);
    const once = (signal: AbortSignal) => this.#balancer.execute(
      (instance, instanceSignal) => attemptTimeout.execute(({ signal: attemptSignal }) => attempt(instance.url, attemptSignal), instanceSignal),
      signal,
    );
    try {
      // A signal of its own per call: without one, cockatiel hangs every call's timeout on one shared signal.
      return idempotent
        ? await this.#idempotent.execute(({ signal }) => once(signal), new AbortController().signal)
        : await once(new AbortController().signal);
    } catch (error) {
      throw this.translate(error, idempotent ? budgets.idempotent.totalTimeoutMs : budgets.oneShotTimeoutMs);
    }
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
