import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'baseline',
  title: 'Baseline: steady load, no fault',
  description: 'Every variant under the same steady load with nothing broken: the yardstick for latency and availability that every fault scenario is compared with.',
  load: { ratePerSecond: 20 },
  // 50 ms probes: downtime resolved to 50 ms while the probes' own traffic stays light enough for two cores.
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 20_000 },
  hypotheses: {
    monolith: { statement: 'every journey answers, no fault, no loss', expect: { all: ['unaffected'] } },
    soa: { statement: 'every journey answers, no fault, no loss', expect: { all: ['unaffected'] } },
    micro: { statement: 'every journey answers, no fault, no loss', expect: { all: ['unaffected'] } },
  },
} satisfies ScenarioInput;
