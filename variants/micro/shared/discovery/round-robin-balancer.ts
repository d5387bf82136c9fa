/**
 * Round-robin over the live instances of one service, with one resilience policy per instance:
 *
 *   execute(call) ─ next instance in turn ─ its policy (say, a circuit breaker) ─ call(instance)
 *                   its circuit is open: the next one, without a call; all open: NoLiveInstanceError
 *
 * The policy decides, not a peek at its state: cockatiel moves an open breaker to half-open only when a
 * call is offered to it, so a balancer that skipped every "open" breaker would never close one again.
 * A policy is made on an instance's first call and dropped when the instance leaves the registry.
 * Retries belong outside `execute`: each retry then goes to the next instance.
 */
import { BrokenCircuitError, type IPolicy } from 'cockatiel';
import { NoLiveInstanceError } from './errors.js';
import { instanceKey, type ServiceInstance } from './service-instance.js';

/** What the balancer reads instances from: a ServiceResolver, or a fixed list in a test. */
export interface InstanceSource {
  /** The same array while nothing changed: the balancer prunes its policies when it gets a new one. */
  instances(service: string): readonly ServiceInstance[];
}

export interface BalancerOptions<P extends IPolicy> {
  /** The policy kept for one instance while it is live: `circuitBreaker(...)`, or cockatiel's `noop`. */
  readonly policyFor: (instance: ServiceInstance) => P;
}

export type InstanceCall<T> = (instance: ServiceInstance, signal: AbortSignal) => Promise<T>;

export class RoundRobinBalancer<P extends IPolicy = IPolicy> {
  readonly #policies = new Map<string, P>();
  #next = 0;
  #seen: readonly ServiceInstance[] = [];

  constructor(private readonly source: InstanceSource, readonly service: string, private readonly options: BalancerOptions<P>) {}

  /** Runs `call` on the next instance whose policy takes it; what the call throws is thrown as it is. */
  async execute<T>(call: InstanceCall<T>, signal?: AbortSignal): Promise<T> {
    const live = this.#live();
    if (live.length === 0) throw new NoLiveInstanceError(this.service, 'no instance is registered');
    for (let tried = 0; tried < live.length; tried += 1) {
      const instance = live[this.#next % live.length]!;
      this.#next = (this.#next + 1) % live.length;
      let called = false;
      try {
        return await this.policyOf(instance).execute(({ signal: attemptSignal }) => {
          called = true;
          return call(instance, attemptSignal);
        }, signal);
      } catch (error) {
        // Refused by its own breaker before any call: try the next instance. From the call: the caller's.
        if (called || !(error instanceof BrokenCircuitError)) throw error;
      }
    }
    throw new NoLiveInstanceError(this.service, `the circuit of every instance (${live.length}) is open`);
  }

  /** The policy of a live instance, made if it has none yet. */
  policyOf(instance: ServiceInstance): P {
    const id = policyId(instance);
    let policy = this.#policies.get(id);
    if (!policy) {
      policy = this.options.policyFor(instance);
      this.#policies.set(id, policy);
    }
    return policy;
  }

  #live(): readonly ServiceInstance[] {
    const live = this.source.instances(this.service);
    if (live !== this.#seen) {
      this.#seen = live;
      const ids = new Set(live.map(policyId));
      for (const id of this.#policies.keys()) if (!ids.has(id)) this.#policies.delete(id);
    }
    return live;
  }
}

/** An instance back at another address is another instance: its breaker starts closed. */
function policyId(instance: ServiceInstance): string {
  return `${instanceKey(instance)}@${instance.url}`;
}
