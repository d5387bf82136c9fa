import type { ScenarioInput } from '../lab/scenario/schema.js';

export default {
  name: 'slow-payment',
  title: 'Payment answers slowly',
  description: 'Every payment call takes 1.5 s longer for 10 s. Checkout gets slower everywhere; where a timeout is shorter than the slowness, checkout fails instead of waiting.',
  load: { ratePerSecond: 60 },
  // Every load run is a sample of its journey; probes fill only the gaps longer than 50 ms, so downtime is
  // resolved to 50 ms with less probe traffic than load (about 45 probes/s beside 60 load runs/s).
  probes: { intervalMs: 50 },
  timing: { warmupMs: 1_000, measureMs: 25_000 },
  // The steady-state gate's bar: a journey of up to four requests answered within 1 s at p99, under 1% failing.
  slo: { p99Ms: 1_000, maxErrorRate: 0.01 },
  faults: [{ kind: 'module-slow', target: 'payment', atMs: 5_000, durationMs: 10_000, params: { delayMs: 1_500 } }],
  hypotheses: {
    monolith: { statement: 'checkout waits for payment and gets slow; other journeys are unaffected', expect: { checkout: ['slow'], others: ['unaffected', 'slow'] } },
    soa: { statement: 'checkout gets slow or times out at the ESB; other journeys are unaffected', expect: { checkout: ['slow', 'failing'], others: ['unaffected', 'slow'] } },
    micro: { statement: 'checkout gets slow or times out at the order service; other journeys are unaffected', expect: { checkout: ['slow', 'failing'], others: ['unaffected', 'slow'] } },
  },
} satisfies ScenarioInput;
