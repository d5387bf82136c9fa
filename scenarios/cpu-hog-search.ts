import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'cpu-hog-search',
  title: 'Search burns the CPU',
  description: 'Every search call burns 50 ms of CPU on its process\'s event loop for 10 s, as a runaway loop would. Whatever shares that event loop waits behind it.',
  load: { ratePerSecond: 20 },
  // 50 ms probes: downtime resolved to 50 ms while the probes' own traffic stays light enough for two cores.
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 25_000 },
  faults: [{ kind: 'module-hog', target: 'search', atMs: 5_000, durationMs: 10_000, params: { delayMs: 50 } }],
  hypotheses: {
    monolith: { statement: 'one event loop serves everything: every journey slows down or fails', expect: { all: ['slow', 'failing'] } },
    soa: { statement: 'product-service hosts search and catalog: browse and product pages suffer, cart and checkout much less', expect: { browse: ['slow', 'failing'], product: ['slow', 'failing', 'degraded'], others: ['unaffected', 'slow'] } },
    micro: { statement: 'the catalog service hosts search and product reads: browse and product pages suffer, the rest much less', expect: { browse: ['slow', 'failing'], product: ['slow', 'failing', 'degraded'], others: ['unaffected', 'slow', 'failing'] } },
  },
} satisfies ScenarioInput;
