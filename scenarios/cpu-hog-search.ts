import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'cpu-hog-search',
  title: 'Search burns the CPU',
  description: 'Every search call burns 50 ms of CPU on its process\'s event loop for 10 s, as a runaway loop would. Whatever shares that event loop waits behind it.',
  load: { ratePerSecond: 60 },
  // Every load run is a sample of its journey; probes fill only the gaps longer than 50 ms, so downtime is
  // resolved to 50 ms with less probe traffic than load (about 45 probes/s beside 60 load runs/s).
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 25_000 },
  // The steady-state gate's bar: a journey of up to four requests answered within 1 s at p99, under 1% failing.
  slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
  faults: [{ kind: 'module-hog', target: 'search', atMs: 5_000, durationMs: 10_000, params: { delayMs: 50 } }],
  hypotheses: {
    monolith: { statement: 'one event loop serves everything: every journey slows down or fails', expect: { all: ['slow', 'failing'] } },
    soa: { statement: 'product-service hosts search and catalog: browse and product pages suffer, cart and checkout much less', expect: { browse: ['slow', 'failing'], product: ['slow', 'failing', 'degraded'], others: ['unaffected', 'slow'] } },
    micro: { statement: 'the catalog service hosts search and product reads: browse and product pages suffer, the rest much less', expect: { browse: ['slow', 'failing'], product: ['slow', 'failing', 'degraded'], others: ['unaffected', 'slow', 'failing'] } },
  },
} satisfies ScenarioInput;
