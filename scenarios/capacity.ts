import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'capacity',
  title: 'Capacity: ramp the rate until the SLO breaks',
  description: 'The offered rate climbs in steps; capacity is the highest rate whose p99 stays under the SLO with under 1% errors. Every variant runs on the same two cores, so network hops and serialisation show up as lost capacity.',
  load: { ratePerSecond: 0, stages: [25, 50, 100, 150, 200, 300].map((ratePerSecond) => ({ ratePerSecond, durationMs: 5_000 })) },
  timing: { warmupMs: 2_000, measureMs: 30_000 },
  probes: { intervalMs: 100 },
  slo: { p99Ms: 500, maxErrorRate: 0.01 },
  hypotheses: {
    monolith: { statement: 'no hops between modules: the highest capacity of the three', capacityRank: 1 },
    soa: { statement: 'every call crosses the broker twice and the ESB: the lowest capacity', capacityRank: 3 },
    micro: { statement: 'HTTP hops between services cost capacity, less than the ESB', capacityRank: 2 },
  },
} satisfies ScenarioInput;
