/**
 * The gateway's budget per downstream service. Every service answers in a few milliseconds on a
 * healthy host, so these are about what a shopper waits for, not about what the services need:
 *
 * - catalog, cart, order reads: 1 s per attempt, one retry, 2 s in all. A page that has not started
 *   to render after 2 s has lost the shopper; an answer is better than a spinner.
 * - recommendations: 400 ms per attempt, 800 ms in all, asked in parallel with the product. They are
 *   an optional part of the page: beyond that it is served without them (`degraded: true`).
 * - cart writes: 2 s, one attempt (adding twice would add two).
 * - checkout: 6 s, one attempt. It is a saga of four calls (each with its own 2 s budget in the order
 *   service) and people accept a few seconds on a payment step; a client retries with the same
 *   Idempotency-Key, which answers the first order instead of placing a second one.
 */
import type { Logger } from 'pino';
import type { DownstreamBudgets } from '../shared/call-policy.js';
import type { InstanceSource } from '../shared/discovery/index.js';
import { ServiceClient } from '../shared/service-client.js';

const PAGE_READ = { attemptTimeoutMs: 1_000, retries: 1, totalTimeoutMs: 2_000 } as const;

export const GATEWAY_BUDGETS = {
  catalog: { idempotent: PAGE_READ, oneShotTimeoutMs: 2_000 },
  recommendation: { idempotent: { attemptTimeoutMs: 400, retries: 1, totalTimeoutMs: 800 }, oneShotTimeoutMs: 800, halfOpenAfterMs: 500 },
  cart: { idempotent: PAGE_READ, oneShotTimeoutMs: 2_000 },
  order: { idempotent: PAGE_READ, oneShotTimeoutMs: 6_000 },
} as const satisfies Record<string, DownstreamBudgets>;

export type Downstream = keyof typeof GATEWAY_BUDGETS;
export type Downstreams = Readonly<Record<Downstream, ServiceClient>>;

/** `instances`: where the services are found (the component's Discovery). */
export function downstreamClients(instances: InstanceSource, logger: Logger): Downstreams {
  const client = (name: Downstream) => new ServiceClient(name, instances, GATEWAY_BUDGETS[name], logger);
  return { catalog: client('catalog'), recommendation: client('recommendation'), cart: client('cart'), order: client('order') };
}
