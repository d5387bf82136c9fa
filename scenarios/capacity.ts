import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'capacity',
  title: 'Capacity: raise the rate until the SLO breaks',
  description: 'A search, not a ramp: short steps at a constant offered rate, doubling from 50/s until a step breaks the SLO (p99 from scheduled start at most 500 ms, under 1% of runs unanswered), then bisecting until the last rate that held and the first that broke are within 10%. A variant that outlasts the load generator\'s own ceiling on this machine is reported as "≥ N/s (generator limit)". Every variant runs on the same two cores, so network hops and serialisation show up as lost capacity.',
  load: { ratePerSecond: 0 },
  capacity: { startRatePerSecond: 50, stepDurationMs: 4_000, settleMs: 1_000, precision: 0.1 },
  // measureMs is unused by the search (it runs as many steps as it needs); the warm-up runs at the start rate.
  timing: { warmupMs: 2_000, measureMs: 30_000 },
  slo: { p99Ms: 500, maxErrorRate: 0.01 },
  hypotheses: {
    monolith: { statement: 'no hops between modules: the highest capacity of the three', capacityRank: 1 },
    soa: { statement: 'every call crosses the broker twice and the ESB: the lowest capacity', capacityRank: 3 },
    micro: { statement: 'HTTP hops between services cost capacity, less than the ESB', capacityRank: 2 },
  },
} satisfies ScenarioInput;
