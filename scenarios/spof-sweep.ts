import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'spof-sweep',
  title: 'Break each component in turn',
  description: 'Each component is taken down for 6 s, one after another: apps killed again every 300 ms (a crash loop), brokers killed and restarted after; the next one waits until the shop answers again. A component whose failure alone takes every journey down is a single point of failure: measured here, not read off the diagram.',
  load: { ratePerSecond: 60 },
  // Every load run is a sample of its journey; probes fill only the gaps longer than 50 ms, so downtime is
  // resolved to 50 ms with less probe traffic than load (about 45 probes/s beside 60 load runs/s).
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 10_000, quiesceTimeoutMs: 30_000 },
  // The steady-state gate's bar: a journey of up to four requests answered within 1 s at p99, under 1% failing.
  slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
  sweep: { appKind: 'kill', durationMs: 6_000, gapMs: 3_000 },
  hypotheses: {
    monolith: { statement: 'the one process is the single point of failure', spofs: ['shop'] },
    soa: { statement: 'RabbitMQ, the ESB and the portal are single points of failure', spofs: ['rabbitmq', 'esb', 'portal'] },
    micro: { statement: 'the gateway is the single point of failure; NATS is not', spofs: ['gateway'] },
  },
} satisfies ScenarioInput;
