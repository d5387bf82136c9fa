import type { ScenarioInput } from '../lab/scenario/schema.js';

/**
 * A breaking change to the OrderPlaced event and to the payment API, rolled out producer first while
 * the old consumers still run: the order side at 4 s, the consumers (payment, inventory,
 * recommendations) at 14 s. `expandContract` picks the safe way to ship the same rename.
 */
export function versionSkew(expandContract: boolean) {
  const step = (atMs: number, durationMs: number, target: Record<'monolith' | 'soa' | 'micro', string | null>) => ({
    kind: 'version' as const, target, atMs, durationMs,
    params: { change: 'breaking' as const, expandContract, version: 'v2', strategy: 'start-first' as const, drain: true, graceMs: 2_000 },
  });
  return {
    load: { ratePerSecond: 60, mix: { browse: 0.3, product: 0.3, cart: 0.2, checkout: 0.2 } },
    probes: { intervalMs: 50 },
    timing: { warmupMs: 1_000, measureMs: 30_000 },
    slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
    // The monolith redeploys behind HAProxy, one of two shops at a time.
    replicas: { shop: 2 },
    faults: [
      // The producers: the whole shop in the monolith; what writes OrderPlaced and calls payment elsewhere.
      step(4_000, 8_000, { monolith: 'shop', soa: 'sales-service', micro: 'order' }),
      // The consumers, ten seconds later: the monolith has nothing left to deploy.
      step(14_000, 10_000, { monolith: null, soa: 'payment-service', micro: 'payment' }),
      step(14_000, 10_000, { monolith: null, soa: 'inventory-service', micro: 'inventory' }),
      step(14_000, 10_000, { monolith: null, soa: 'product-service', micro: 'recommendation' }),
    ],
  };
}

export default {
  name: 'version-skew',
  title: 'A breaking contract change rolled out while old consumers still run',
  description:
    'Version v2 renames a field in the OrderPlaced event (lines → items) and in the payment API (amountCents → totalCents), and writes and reads only the new names. ' +
    'It is rolled out producer first: the order side at 4 s (the whole shop in the monolith, the sales-service in soa, the order service in micro), ' +
    'its consumers ten seconds later (payment, inventory, recommendations). In between, new producers talk to old consumers. ' +
    'soa\'s ESB translates every OrderPlaced and payment request into its canonical model; micro\'s services talk to each other directly. ' +
    'Events a consumer cannot read are parked and read again once it is upgraded; the quadrant table counts every message by old/new producer and consumer.',
  explanation:
    'Two programs that exchange messages must agree on their format. Here a new version renames one field on the sending side before the receiving side is updated. ' +
    'In the monolith sender and receiver are one program, replaced together, so they always agree. In soa a central broker translates between the old and new formats, so nobody notices — ' +
    'at the price of teaching that broker every format. In the microservices the new sender talks straight to the old receiver: payments are refused and checkouts fail until the receiver is updated, ' +
    'and order notifications wait, parked, until someone can read them.',
  ...versionSkew(false),
  hypotheses: {
    monolith: {
      statement: 'producer and consumers are one build, replaced together behind HAProxy: no mixed versions ever talk, nobody notices',
      expect: { all: ['unaffected', 'slow'] },
    },
    soa: {
      statement: 'the ESB translates every event and request into its canonical model: the skew is hidden, nobody notices',
      expect: { all: ['unaffected', 'slow'] },
    },
    micro: {
      statement: 'the new order service sends what the old payment service cannot read: checkouts fail until payment is upgraded (old consumers park the new events and read them later); browsing is untouched',
      expect: { checkout: ['degraded', 'failing'], others: ['unaffected', 'slow'] },
    },
  },
} satisfies ScenarioInput;
