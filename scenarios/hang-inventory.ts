import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'hang-inventory',
  title: 'The process hosting inventory hangs',
  description: 'The process that hosts the inventory module is frozen (SIGSTOP) for 10 s: a hang, not a crash, so nothing restarts it. Callers must time out rather than wait.',
  load: { ratePerSecond: 60 },
  // Every load run is a sample of its journey; probes fill only the gaps longer than 50 ms, so downtime is
  // resolved to 50 ms with less probe traffic than load (about 45 probes/s beside 60 load runs/s).
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 25_000 },
  // The steady-state gate's bar: a journey of up to four requests answered within 1 s at p99, under 1% failing.
  slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
  faults: [{ kind: 'pause', target: 'host:inventory', atMs: 5_000, durationMs: 10_000 }],
  hypotheses: {
    monolith: { statement: 'inventory lives in the one process: every journey hangs', expect: { all: ['failing'] } },
    soa: { statement: 'only checkout needs inventory-service: checkout fails (timeouts), the rest keeps answering', expect: { checkout: ['failing'], others: ['unaffected', 'slow'] } },
    micro: { statement: 'only checkout needs the inventory service: checkout fails fast, the rest is unaffected', expect: { checkout: ['failing'], others: ['unaffected', 'slow'] } },
  },
} satisfies ScenarioInput;
