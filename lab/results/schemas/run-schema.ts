/**
 * run.json as a schema: what ran (scenario, parameters, environment), per variant what was measured,
 * and the verdicts. `schemas/run.schema.json` is generated from this (`archlab schemas`); the tests
 * parse the files the lab writes with it, strictly, so a field the code adds without saying so fails.
 * Times are epoch ms unless a field says otherwise; shares are in [0, 1].
 */
import { CONTRACT_REVISIONS, CONTRACTS } from '../../../boundary/contracts.js';
import { z } from 'zod';
import { faultSpecSchema } from '../../faults/types.js';
import { JOURNEY_NAMES } from '../../journeys/types.js';
import { DEPLOY_ACTIONS } from '../../scenario/deploy-steps.js';
import { EFFECTS, scenarioSchema } from '../../scenario/schema.js';
import { VERDICT_STATUSES } from '../../scenario/verdicts.js';
import { VARIANT_NAMES } from '../../../boundary/topology.js';
import { variantMeasurementSchemas } from './measurement-schemas.js';

const variant = z.enum(VARIANT_NAMES as unknown as ['monolith', 'soa', 'micro']);
const journey = z.enum(JOURNEY_NAMES);
const effect = z.enum(EFFECTS);
const share = z.number().min(0).max(1);
const window = z.object({ startMs: z.number(), endMs: z.number() }).strict();
const perJourney = <T extends z.ZodType>(value: T) => z.object(Object.fromEntries(JOURNEY_NAMES.map((j) => [j, value])) as Record<(typeof JOURNEY_NAMES)[number], T>).strict();
const m = variantMeasurementSchemas({ journey, share, window, perJourney });

const steadyStateCheck = z.object({
  met: z.boolean(),
  window,
  slo: z.object({ p99Ms: z.number(), maxErrorRate: share }).strict(),
  journeys: z.array(z.object({ journey, samples: z.number().int(), availability: share.nullable(), p99Ms: z.number().nullable(), met: z.boolean() }).strict()),
  reasons: z.array(z.string()).describe('why it was not met, in plain words'),
}).strict();

export const variantSummarySchema = z.object({
  variant,
  incomplete: z.boolean(),
  error: z.string().optional(),
  readyAfterMs: z.number().optional().describe('from the start of the variant until every component was ready'),
  faultWindow: window.nullable().describe('from the first fault in to the last fault healed; null without faults and for a sweep'),
  faults: z.array(z.object({ spec: faultSpecSchema, startMs: z.number(), endMs: z.number(), predicted: perJourney(effect) }).strict()),
  skippedFaults: z.array(z.string()).describe('faults of the scenario that do not apply to this variant'),
  journeys: z.array(z.object({
    journey,
    effect: effect.describe('what the fault did to the journey: failing (< 99% answered), degraded, slow (p99 ≥ 2× steady), unaffected'),
    predicted: effect.nullable(),
    downtime: m.downtime.nullable(),
    availability: m.availability.nullable(),
    latency: m.latencyGroup,
  }).strict()),
  blastRadius: m.blastRadius.nullable(),
  prediction: z.object({ matches: z.boolean(), mismatches: z.array(z.string()) }).strict(),
  matrix: m.matrix.nullable(),
  throughput: m.throughput.nullable(),
  capacity: m.capacity.nullable(),
  scaling: m.scaling.optional().describe('a scale-out scenario: capacity and memory per replica count, and the time each new replica took to take traffic'),
  integrity: m.integrity.nullable(),
  restarts: z.number().int().min(0),
  steadyState: z.object({ before: steadyStateCheck.nullable(), after: steadyStateCheck.nullable() }).strict().nullable()
    .describe('checked before the first fault (not met: nothing injected, verdict inconclusive) and over the last seconds after the last heal (not met: deviated)'),
  noise: m.noise.nullable(),
  deploys: z.array(z.object({
    component: z.string(), version: z.string(), strategy: z.enum(['start-first', 'stop-first']), drain: z.boolean(), graceMs: z.number().int(),
    unitsRedeployed: z.number().int().min(0).describe('deployable units replaced (one component per deploy)'),
    processesRestarted: z.number().int().min(0).describe('replicas replaced by a new process'),
    unitBytes: z.number().int().nullable().describe('size of the rebuilt unit: the component\'s compiled bundle'),
    durationMs: z.number().nullable().describe('from the deploy command until every replica serves the new build'),
    failedRuns: z.number().int().min(0).describe('load runs scheduled during the deploy that failed'),
    slowedRuns: z.number().int().min(0).describe('load runs scheduled during the deploy that answered slower than the SLO\'s p99'),
    journeysAffected: z.array(journey),
    contract: z.enum(CONTRACT_REVISIONS).optional().describe('a version step: the contract revision of the new build'),
    steps: z.array(z.object({
      instance: z.number().int().min(0).describe('replica index: start-first adds new ones, stop-first reuses them'),
      version: z.string().describe('the build that process runs'),
      action: z.enum(DEPLOY_ACTIONS),
      tMs: z.number().describe('from the deploy\'s start'),
    }).strict()).optional().describe('what happened to each replica during the rollout, in time order; absent in runs before it was recorded'),
    failedRunsByTime: z.array(z.object({
      tMs: z.number().describe('start of the 100 ms bucket, from the deploy\'s start'), count: z.number().int().min(1),
    }).strict()).optional().describe('the failed runs, per 100 ms with at least one; absent in runs before it was recorded'),
  }).strict()).default([]).describe('the release cost of each deploy; empty without one'),
  contracts: z.object({
    quadrants: z.array(z.object({
      contract: z.enum(CONTRACTS), producer: z.enum(['old', 'new']), consumer: z.enum(['old', 'new']),
      read: z.number().int().min(0), parked: z.number().int().min(0), replayed: z.number().int().min(0), rejected: z.number().int().min(0),
      translated: z.number().int().min(0).describe('of these, how many soa\'s ESB had translated to its canonical model'),
    }).strict()).describe('messages read under each contract by old/new producer × old/new consumer (old = v1)'),
    stillParked: z.number().int().min(0).describe('events no consumer could read, still parked at the end'),
    mixedWindow: z.object({ startMs: z.number(), endMs: z.number() }).strict().nullable(),
    runsInWindow: z.number().int().min(0),
    failedInWindow: z.number().int().min(0).describe('load runs scheduled in the mixed-version window that failed'),
    consumersSeen: z.array(z.string()),
  }).strict().nullable().optional().describe('with version steps: the version-skew quadrants'),
  traffic: z.object({
    loadRunsPerSecond: z.number(), probeRunsPerSecond: z.number().describe('probes run only where the load left a journey quiet for the probe interval'),
    eventLoopDelayMs: z.object({ p99: z.number(), max: z.number() }).strict().describe('the traffic worker\'s own event-loop delay'),
  }).strict().nullable(),
}).strict();

const verdictSchema = z.object({
  variant,
  statement: z.string(),
  status: z.enum(VERDICT_STATUSES),
  reason: z.string().describe('why inconclusive, deviated or not held; with repeats, "held 3/3"'),
  held: z.boolean().nullable().describe('kept for older readers: null when inconclusive'),
  details: z.array(z.string()),
  repeats: z.object({ total: z.number().int(), held: z.number().int(), notHeld: z.number().int(), deviated: z.number().int(), inconclusive: z.number().int() }).strict().optional(),
}).strict();

const spread = z.object({ values: z.array(z.number()), median: z.number(), ci95: z.tuple([z.number(), z.number()]), cv: z.number().nullable() }).strict();

export const runFileSchema = z.object({
  schemaVersion: z.number().int().min(1),
  scenario: scenarioSchema,
  parameters: z.object({
    variants: z.array(variant), ratePerSecond: z.number(), seed: z.number().int(), timeScale: z.number(),
    suite: z.string().optional(), repeat: z.number().int().min(1).optional(),
    /** Replica counts asked for on the command line (`--replicas`), by component; the topology of each variant has the counts it ran with. */
    replicas: z.record(z.string(), z.number().int().min(1)).optional(),
  }).strict(),
  environment: z.object({
    node: z.string(), os: z.string(), arch: z.string(), cpus: z.number().int(), cpuModel: z.string(), memoryGiB: z.number(),
    gitCommit: z.string(), gitDirty: z.boolean(),
  }).strict(),
  startedAt: z.string(),
  finishedAt: z.string(),
  wallMs: z.number(),
  measuredMs: z.number().describe('sum of the variants\' measurement windows'),
  complete: z.boolean(),
  variants: z.array(variantSummarySchema).describe('one per variant (the first repeat with --repeat N)'),
  verdicts: z.array(verdictSchema),
  repeats: z.array(z.array(variantSummarySchema)).optional().describe('with --repeat N: repeats 2…N'),
  spread: z.array(z.object({ variant, journey, downtimeMs: spread.nullable(), timeToRecoverMs: spread.nullable(), faultWindowAvailability: spread.nullable(), p99Ms: spread.nullable() }).strict())
    .optional().describe('with --repeat N: median, 95% bootstrap CI and coefficient of variation per variant × journey'),
}).strict();
