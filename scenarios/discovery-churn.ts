import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'discovery-churn',
  title: 'Replicas come and go under load; one is SIGKILLed without a goodbye',
  explanation:
    'The part of the shop that lists and searches products runs as two copies; copies are added and removed while people browse, and one is killed abruptly, as if it had crashed, before it comes back. ' +
    'A shopper should notice nothing, or at most a slower page. What differs is how each packaging finds the copies that are up: a load balancer in front of the monolith, a shared queue in soa, and a registry the micro services look up.',
  description:
    'Whatever serves the catalog (the whole shop, the product-service, the catalog service) runs two replicas; a third is added, ' +
    'one replica is SIGKILLed without deregistering or draining (the supervisor brings it back), the extra one is removed, added and removed again. ' +
    'Each packaging must follow: HAProxy backends in the monolith, competing consumers in soa, registry entries in micro.',
  load: { ratePerSecond: 60 },
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 26_000 },
  slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
  replicas: { shop: 2, 'product-service': 2, catalog: 2 },
  faults: [
    { kind: 'scale', target: 'host:catalog', atMs: 3_000, durationMs: 3_000, params: { replicas: 3 } },
    { kind: 'kill', target: 'host:catalog', atMs: 7_000, durationMs: 3_000, params: { instance: 1 } },
    { kind: 'scale', target: 'host:catalog', atMs: 11_000, durationMs: 3_000, params: { replicas: 2 } },
    { kind: 'scale', target: 'host:catalog', atMs: 15_000, durationMs: 3_000, params: { replicas: 3 } },
    { kind: 'scale', target: 'host:catalog', atMs: 19_000, durationMs: 3_000, params: { replicas: 2 } },
  ],
  hypotheses: {
    monolith: { statement: 'HAProxy adds ready shops, drains leaving ones and retries past the killed one: nobody notices', expect: { all: ['unaffected', 'slow'] } },
    soa: { statement: 'product-service consumers come and go on one queue; the killed one\'s unacknowledged requests go to another: nobody notices', expect: { all: ['unaffected', 'slow'] } },
    micro: { statement: 'the registry follows the catalogs; callers retry past the killed one until its entry is refreshed: nobody notices', expect: { all: ['unaffected', 'slow'] } },
  },
} satisfies ScenarioInput;
