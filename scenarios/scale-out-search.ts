import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'scale-out-search',
  title: 'Scale out a CPU-heavy search',
  description: 'Every search does real scoring work (600 full-text passes over its candidates, about 10 ms of CPU), and only searches are offered. The capacity search runs at 1, 2 and 3 replicas of whatever hosts search — whole shops behind HAProxy (monolith), product-service consumers on its queue (soa), catalog instances in the registry (micro) — scaling out between searches under light traffic. Measured: capacity gained per added replica and per added MB of resident memory (VmRSS of every process of the variant), and the time from the scale command to the new replica\'s first answered search. The lab, its load generator and every replica share this machine\'s cores, so the gain stops where the cores run out.',
  explanation: 'Searching the shop is made deliberately expensive for the computer, so that one copy of the program that searches can only answer so many shoppers per second. We then run two, then three copies and measure how many more shoppers are served each time, how much extra memory each copy takes, and how long a new copy takes to start helping. The old-fashioned single program has to copy the whole shop to add search capacity; the other two designs copy only the part that searches. This computer has only two processors, so copies beyond two cannot add much: the report says so.',
  // A search not answered within 1.5 s has long broken the SLO: waiting longer for it only slows each step.
  load: { ratePerSecond: 0, requestTimeoutMs: 1_500 },
  capacity: { startRatePerSecond: 40, stepDurationMs: 3_000, settleMs: 1_000, precision: 0.2, journey: 'browse' },
  // measureMs is unused (the searches take as many steps as they need); the warm-up runs before each search.
  timing: { warmupMs: 2_000, measureMs: 30_000 },
  slo: { p99Ms: 500, maxErrorRate: 0.01 },
  app: { searchFullTextRounds: 600 },
  scaling: { module: 'search', replicas: [1, 2, 3], trafficWaitMs: 15_000 },
  hypotheses: {
    // On two cores: more replicas gain (at least ×1.2 at three), but never beyond the cores (×2, plus the search's 20% precision).
    monolith: { statement: 'whole shops behind HAProxy gain search capacity up to what two cores allow, and each copy of the whole shop holds the most memory of the three', scaling: { minSpeedup: 1.2, maxSpeedup: 2.2, memoryPerReplicaRank: 1 } },
    soa: { statement: 'more product-service consumers on the queue gain search capacity up to what two cores allow; the portal, ESB and broker stay single', scaling: { minSpeedup: 1.2, maxSpeedup: 2.2 } },
    micro: { statement: 'more catalog instances, found through the registry, gain search capacity up to what two cores allow', scaling: { minSpeedup: 1.2, maxSpeedup: 2.2 } },
  },
} satisfies ScenarioInput;
