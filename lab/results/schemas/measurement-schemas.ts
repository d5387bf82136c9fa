/** The measurement parts of run.json's per-variant summaries (lab/metrics, lab/integrity), as zod schemas. */
import { z } from 'zod';
import { JOURNEY_NAMES } from '../../journeys/types.js';

interface Basics {
  readonly journey: z.ZodEnum<{ [K in (typeof JOURNEY_NAMES)[number]]: K }>;
  readonly share: z.ZodNumber;
  readonly window: z.ZodType;
  readonly perJourney: <T extends z.ZodType>(value: T) => z.ZodType;
}

export function variantMeasurementSchemas({ journey, share, window, perJourney }: Basics) {
  const percentiles = z.object({ count: z.number().int(), p50Ms: z.number(), p95Ms: z.number(), p99Ms: z.number(), p999Ms: z.number(), maxMs: z.number(), meanMs: z.number() }).strict();
  const availabilityShare = z.object({ runs: z.number().int(), ok: z.number().int(), degraded: z.number().int(), failed: z.number().int(), availability: share.nullable(), degradedShare: share.nullable() }).strict();
  const bySource = z.object({ all: availabilityShare, probe: availabilityShare }).strict();
  const issue = z.object({ count: z.number().int().min(0), examples: z.array(z.string()) }).strict();
  const throughputCounts = z.object({ scheduled: z.number().int(), achieved: z.number().int(), late: z.number().int(), offeredPerSecond: z.number(), achievedPerSecond: z.number() }).strict();
  const journeyShares = z.partialRecord(journey, share.nullable());
  return {
    downtime: z.object({
      journey, probes: z.number().int(), samples: z.number().int().describe('load and probe runs read as samples of the journey'), downtimeMs: z.number(), timeToRecoverMs: z.number().nullable(), recoveredAtMs: z.number().nullable(),
      recovered: z.boolean(), failedMs: z.number(), degradedMs: z.number(),
    }).strict(),
    availability: z.object({ journey, faultWindow: bySource.nullable(), overall: bySource }).strict(),
    latencyGroup: z.object({ source: z.enum(['load', 'probe']), steady: percentiles.nullable(), faultWindow: percentiles.nullable() }).strict(),
    blastRadius: z.object({ threshold: share, hit: z.array(journey), unmeasured: z.array(journey), share, weightedShare: share, availability: journeyShares }).strict(),
    matrix: z.object({
      components: z.array(z.string()), journeys: z.array(journey),
      rows: z.record(z.string(), perJourney(share.nullable())), down: z.record(z.string(), z.array(journey)),
      downThreshold: share, singlePointsOfFailure: z.array(z.string()), predictedSpofs: z.array(z.string()),
    }).strict(),
    throughput: throughputCounts.extend({
      window, byJourney: perJourney(throughputCounts),
      perSecond: z.array(z.object({ startMs: z.number(), offered: z.number().int(), achieved: z.number().int() }).strict()),
    }).strict(),
    capacity: capacitySchema(share),
    integrity: z.object({
      acknowledgedOrders: z.number().int(), storedOrders: z.number().int(),
      missingOrders: issue, duplicateOrders: issue, stockMismatches: issue, stuckReservations: issue,
      eventsNotApplied: z.object({ inventory: issue, recommendations: issue }).strict(), outboxPending: issue,
      clean: z.boolean().describe('every count zero: the target in every variant'),
      databases: z.record(z.string(), z.string()).optional().describe('the SQLite files read, by store'),
      quiesced: z.boolean(), quiesceWaitedMs: z.number(),
    }).strict(),
    noise: noiseSchema(),
    scaling: scalingSchema(capacitySchema(share)),
  };
}

/** A scale-out (lab/scale-out, lab/metrics/scaling.ts): capacity and resident memory per replica count, each scale command, and what follows from them. */
function scalingSchema(capacity: ReturnType<typeof capacitySchema>) {
  const memory = z.object({
    atMs: z.number(),
    totalMb: z.number().describe('sum of the processes\' VmRSS (shared pages count once per process)'),
    processes: z.array(z.object({
      name: z.string().describe('catalog[1], rabbitmq, shop-lb'), kind: z.enum(['app', 'broker', 'load-balancer']), pid: z.number().int(),
      rssMb: z.number().describe('VmRSS of the process and every process below it'),
    }).strict()),
  }).strict();
  const perReplica = z.number().nullable();
  return z.object({
    component: z.string().describe('the app scaled: whatever hosts the module'),
    module: z.string(),
    levels: z.array(z.object({ replicas: z.number().int(), capacity, memory }).strict()).describe('one per replica count, in the order measured'),
    commands: z.array(z.object({
      fromReplicas: z.number().int(), toReplicas: z.number().int(), instance: z.number().int(), commandAtMs: z.number(),
      readyAfterMs: z.number().nullable().describe('from the scale command until the new replica answered its readiness check'),
      firstCallAfterMs: z.number().nullable().describe('from the scale command until the new replica answered its first call of the module (time to traffic); null: not within the wait'),
    }).strict()),
    figures: z.object({
      speedup: perReplica.describe('capacity at the most replicas ÷ at the fewest'),
      capacityPerAddedReplica: perReplica.describe('runs per second gained per replica added'),
      mbPerAddedReplica: perReplica.describe('resident MB added per replica added'),
      capacityPerAddedMb: perReplica.describe('runs per second gained per resident MB added'),
      mbPerReplica: perReplica.describe('mean VmRSS of one replica of the scaled component, at the most replicas'),
      steps: z.array(z.object({ fromReplicas: z.number().int(), toReplicas: z.number().int(), addedPerSecond: z.number().nullable(), addedMb: z.number() }).strict()),
      lowerBound: z.boolean().describe('a capacity used was censored: the figures are lower bounds'),
    }).strict(),
  }).strict();
}

/** The noise guard's judgement of one variant's measurement window (lab/noise). */
function noiseSchema() {
  const cpu = z.object({ mean: z.number(), worstSecond: z.number() }).strict().describe('% of one core: mean over the window, and the worst sampled second');
  return z.object({
    samples: z.number().int(),
    cores: z.number().int().optional(),
    foreignCpuPercent: cpu.optional().describe('CPU used by processes the lab did not start'),
    stealCpuPercent: cpu.optional().describe('steal time: CPU the hypervisor held back from this machine; judged apart from the foreign CPU'),
    labCpuPercent: cpu.optional().describe('CPU used by the lab and everything it started'),
    machineCpuPercent: cpu.optional(),
    busiestForeign: z.array(z.object({ pid: z.number().int(), command: z.string(), cpuPercent: z.number() }).strict()),
    generator: z.object({
      offered: z.number().int(), late: z.number().int(), dropped: z.number().int(), loopLagP99Ms: z.number().optional(), lateShare: z.number(),
    }).strict().optional().describe('the load generator and probes: late and dropped runs, event-loop delay'),
    thresholds: z.object({
      foreignMeanPercent: z.number(), foreignWorstSecondPercent: z.number(), stealMeanPercent: z.number(), lateShare: z.number(), droppedRuns: z.number(), loopLagP99Ms: z.number(),
    }).strict(),
    inconclusive: z.boolean().describe('a threshold was crossed: the variant\'s verdicts are inconclusive'),
    reasons: z.array(z.string()),
    notes: z.array(z.string()).describe('what could not be judged, and why'),
  }).strict();
}

/** A capacity: measured by the search (or read from an older fixed ramp), with every step it took. */
function capacitySchema(share: z.ZodNumber) {
  const step = z.object({
    ratePerSecond: z.number(), p99Ms: z.number().nullable(), errorRate: share.nullable(), withinSlo: z.boolean(),
    startMs: z.number().optional(), durationMs: z.number().optional(), achievedPerSecond: z.number().nullable().optional(),
    lateShare: share.nullable().optional(), onTimeP99Ms: z.number().nullable().optional(), workerCpuShare: z.number().nullable().optional(),
    generatorLimited: z.boolean().optional(), drainMs: z.number().optional(),
  }).strict();
  return z.object({
    method: z.enum(['search', 'ramp']),
    sloP99Ms: z.number(), maxErrorRate: share,
    capacityPerSecond: z.number().nullable().describe('the highest rate that kept the SLO; with censored, a lower bound'),
    censored: z.boolean().describe('the variant outlasted what could be offered (the generator\'s ceiling, or maxRatePerSecond): "≥ N/s"'),
    limit: z.enum(['slo', 'generator', 'max-rate', 'ramp-top']).nullable().describe('what bounded the figure from above'),
    failedAtPerSecond: z.number().nullable(),
    generatorCeilingPerSecond: z.number().nullable(),
    steps: z.array(step).describe('every step of the search, in the order taken'),
    stages: z.array(step).optional().describe('runs before the search: the fixed ramp\'s stages'),
  }).strict();
}
