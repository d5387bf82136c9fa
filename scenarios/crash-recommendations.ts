import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'crash-recommendations',
  title: 'A bug in recommendations crashes its process',
  description: 'The recommendations module throws an uncaught error on every call for 10 s: the same bug in every variant. What goes down with it depends on which process hosts the module.',
  load: { ratePerSecond: 20 },
  // 50 ms probes: downtime resolved to 50 ms while the probes' own traffic stays light enough for two cores.
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 25_000 },
  faults: [{ kind: 'module-crash', target: 'recommendations', atMs: 5_000, durationMs: 10_000 }],
  hypotheses: {
    monolith: { statement: 'the crash takes the one process down: every journey fails until the bug is gone', expect: { all: ['failing'] } },
    soa: { statement: 'product-service hosts catalog, search and recommendations: browse and product pages fail, cart and checkout keep working', expect: { browse: ['failing'], product: ['failing'], others: ['unaffected', 'slow'] } },
    micro: { statement: 'only the recommendation service crashes: product pages answer degraded, everything else is unaffected', expect: { product: ['degraded'], others: ['unaffected', 'slow'] } },
  },
} satisfies ScenarioInput;
