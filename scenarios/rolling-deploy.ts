import type { ScenarioInput } from '../lab/scenario/schema.js';

/** What both deploy scenarios share: the load, the timing bar, and two replicas of whatever hosts payment. */
export const DEPLOY_SETTING = {
  load: { ratePerSecond: 60, mix: { browse: 0.3, product: 0.3, cart: 0.2, checkout: 0.2 } },
  probes: { intervalMs: 50 },
  slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
  // Two of whatever hosts payment, in each packaging; the names a variant lacks are for the others.
  replicas: { shop: 2, 'payment-service': 2, payment: 2 },
} as const;

export default {
  name: 'rolling-deploy',
  title: 'A change to payment, deployed under load',
  explanation:
    'We ship a new version of the code that takes payments while people are shopping, replacing the running copies one by one. ' +
    'Done well, a shopper notices nothing: the old copy finishes what it is doing while a new one takes over. ' +
    'In the monolith the whole shop is replaced, because payment is part of it; in soa and micro only the payment service is, and the rest of the shop keeps running untouched.',
  description:
    'A new build of whatever hosts the payment module replaces its two replicas one at a time while shoppers keep checking out: ' +
    'the whole shop in the monolith (behind HAProxy), the payment-service in soa (competing consumers on its queue), the payment service in micro ' +
    '(found through the registry). Each new replica starts and is ready before an old one is drained, given a grace period and stopped.',
  ...DEPLOY_SETTING,
  timing: { warmupMs: 1_000, measureMs: 20_000 },
  faults: [{
    kind: 'deploy', target: 'host:payment', atMs: 5_000, durationMs: 10_000,
    params: { version: 'v2', strategy: 'start-first', drain: true, graceMs: 3_000 },
  }],
  hypotheses: {
    monolith: {
      statement: 'the whole shop is redeployed, one replica at a time behind HAProxy with draining: nobody notices',
      expect: { all: ['unaffected', 'slow'] },
    },
    soa: {
      statement: 'only the payment-service is redeployed; its queue keeps checkouts waiting for the replica that is left or the new one: slower at most, never failed',
      expect: { all: ['unaffected', 'slow'] },
    },
    micro: {
      statement: 'only the payment service is redeployed; a new instance registers before an old one deregisters and drains: nobody notices',
      expect: { all: ['unaffected', 'slow'] },
    },
  },
} satisfies ScenarioInput;
