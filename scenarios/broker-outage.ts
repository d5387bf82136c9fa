import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'broker-outage',
  title: 'The message broker goes down',
  description: 'The variant\'s broker is killed for 10 s, then restarted: RabbitMQ for soa, NATS for micro. The monolith has no broker and runs unfaulted. No acknowledged order may be lost.',
  load: { ratePerSecond: 60 },
  // Every load run is a sample of its journey; probes fill only the gaps longer than 50 ms, so downtime is
  // resolved to 50 ms with less probe traffic than load (about 45 probes/s beside 60 load runs/s).
  probes: { intervalMs: 50 },
  // RabbitMQ takes 10–15 s to boot again after the outage: the window leaves room for the steady state after it.
  timing: { warmupMs: 1_000, measureMs: 50_000, quiesceTimeoutMs: 30_000 },
  // The steady-state gate's bar: a journey of up to four requests answered within 1 s at p99, under 1% failing.
  slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
  faults: [{ kind: 'broker-outage', target: { monolith: null, soa: 'broker', micro: 'broker' }, atMs: 5_000, durationMs: 10_000 }],
  hypotheses: {
    monolith: { statement: 'no broker, nothing to break: every journey unaffected', expect: { all: ['unaffected'] } },
    soa: { statement: 'every request travels through RabbitMQ: every journey fails until it is back, then all recover by themselves', expect: { all: ['failing'] } },
    micro: { statement: 'NATS only carries events: every journey keeps answering; events wait in the outbox and are applied late', expect: { all: ['unaffected', 'slow'] } },
  },
} satisfies ScenarioInput;
