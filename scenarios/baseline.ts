import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'baseline',
  title: 'Baseline: steady load, no fault',
  description: 'Every variant under the same steady load with nothing broken: the yardstick for latency and availability that every fault scenario is compared with.',
  load: { ratePerSecond: 60 },
  // Every load run is a sample of its journey; probes fill only the gaps longer than 50 ms, so downtime is
  // resolved to 50 ms with less probe traffic than load (about 45 probes/s beside 60 load runs/s).
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 20_000 },
  // The steady-state gate's bar: a journey of up to four requests answered within 1 s at p99, under 1% failing.
  slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
  hypotheses: {
    monolith: { statement: 'every journey answers, no fault, no loss', expect: { all: ['unaffected'] } },
    soa: { statement: 'every journey answers, no fault, no loss', expect: { all: ['unaffected'] } },
    micro: { statement: 'every journey answers, no fault, no loss', expect: { all: ['unaffected'] } },
  },
} satisfies ScenarioInput;
