import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'spof-sweep',
  title: 'Break each component in turn',
  description: 'Each component is taken down for 6 s, one after another: apps killed again every 300 ms (a crash loop), brokers killed and restarted after; the next one waits until the shop answers again. A component whose failure alone takes every journey down is a single point of failure: measured here, not read off the diagram.',
  load: { ratePerSecond: 20 },
  // 50 ms probes: downtime resolved to 50 ms while the probes' own traffic stays light enough for two cores.
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 10_000, quiesceTimeoutMs: 30_000 },
  sweep: { appKind: 'kill', durationMs: 6_000, gapMs: 3_000 },
  hypotheses: {
    monolith: { statement: 'the one process is the single point of failure', spofs: ['shop'] },
    soa: { statement: 'RabbitMQ, the ESB and the portal are single points of failure', spofs: ['rabbitmq', 'esb', 'portal'] },
    micro: { statement: 'the gateway is the single point of failure; NATS is not', spofs: ['gateway'] },
  },
} satisfies ScenarioInput;
