import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'crash-recommendations',
  title: 'A bug in recommendations crashes its process',
  description: 'The recommendations module throws an uncaught error on every call for 10 s: the same bug in every variant. What goes down with it depends on which process hosts the module.',
  load: { ratePerSecond: 60 },
  // Every load run is a sample of its journey; probes fill only the gaps longer than 50 ms, so downtime is
  // resolved to 50 ms with less probe traffic than load (about 45 probes/s beside 60 load runs/s).
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 25_000 },
  // The steady-state gate's bar: a journey of up to four requests answered within 1 s at p99, under 1% failing.
  slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
  faults: [{ kind: 'module-crash', target: 'recommendations', atMs: 5_000, durationMs: 10_000 }],
  hypotheses: {
    monolith: { statement: 'the crash takes the one process down: every journey fails until the bug is gone', expect: { all: ['failing'] } },
    soa: { statement: 'product-service hosts catalog, search and recommendations: browse and product pages fail, cart and checkout keep working', expect: { browse: ['failing'], product: ['failing'], others: ['unaffected', 'slow'] } },
    micro: { statement: 'only the recommendation service crashes: product pages answer degraded, everything else is unaffected', expect: { product: ['degraded'], others: ['unaffected', 'slow'] } },
  },
} satisfies ScenarioInput;
