import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'hang-inventory',
  title: 'The process hosting inventory hangs',
  description: 'The process that hosts the inventory module is frozen (SIGSTOP) for 10 s: a hang, not a crash, so nothing restarts it. Callers must time out rather than wait.',
  load: { ratePerSecond: 20 },
  // 50 ms probes: downtime resolved to 50 ms while the probes' own traffic stays light enough for two cores.
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 25_000 },
  faults: [{ kind: 'pause', target: 'host:inventory', atMs: 5_000, durationMs: 10_000 }],
  hypotheses: {
    monolith: { statement: 'inventory lives in the one process: every journey hangs', expect: { all: ['failing'] } },
    soa: { statement: 'only checkout needs inventory-service: checkout fails (timeouts), the rest keeps answering', expect: { checkout: ['failing'], others: ['unaffected', 'slow'] } },
    micro: { statement: 'only checkout needs the inventory service: checkout fails fast, the rest is unaffected', expect: { checkout: ['failing'], others: ['unaffected', 'slow'] } },
  },
} satisfies ScenarioInput;
