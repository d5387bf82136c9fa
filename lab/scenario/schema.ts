/**
 * A scenario is data: what load to drive, which faults to inject when, and what each variant is
 * expected to do. Built-in scenarios live in scenarios/*.ts; a user's scenario may be a JSON file.
 */
import { z } from 'zod';
import { JOURNEY_NAMES } from '../journeys/types.js';
import { VARIANT_NAMES, type VariantName } from '../../boundary/topology.js';
import { MODULE_NAMES } from '../../shared-domain/modules.js';
import { MAX_REPLICAS } from '../topology/replicas.js';
import { faultParams, faultSchemaWith, findFaultKind, type FaultEntry, type FaultTiming, type TargetKind } from '../faults/index.js';
import { scenarioTargetSchema } from './resolve-faults.js';

const variantName = z.enum(VARIANT_NAMES as unknown as ['monolith', 'soa', 'micro']);
const journeyName = z.enum(JOURNEY_NAMES);
const ms = z.number().int().min(0).max(3_600_000);

export const EFFECTS = ['unaffected', 'slow', 'degraded', 'failing'] as const;
export type Effect = (typeof EFFECTS)[number];

/**
 * A fault's target: what its kind takes, or a shorthand (`host:<module>`, `broker`; see
 * resolve-faults.ts). A map gives one target per variant; `null` says the fault does not apply to that
 * variant (it then runs unfaulted).
 */
export type ScenarioTarget = string | Partial<Record<VariantName, string | null>>;
export type ScenarioFault = FaultEntry<ScenarioTarget, FaultTiming, 'output'>;
export type ScenarioFaultInput = FaultEntry<ScenarioTarget, FaultTiming, 'input'>;

const target = (kind: TargetKind) => z.union([scenarioTargetSchema(kind), z.partialRecord(variantName, scenarioTargetSchema(kind).nullable())]);

/** One shape per fault kind (lab/faults/registry.ts), each with its own strict params, defaults filled in. */
export const scenarioFaultSchema = faultSchemaWith(target, { atMs: ms, durationMs: ms.min(1) }) as z.ZodType<ScenarioFault, ScenarioFaultInput>;

const expectation = z.object({
  statement: z.string().min(1).max(500),
  /** Per journey (or `all`, or `others` for every journey not named) the effects that count as held. */
  expect: z.partialRecord(z.enum([...JOURNEY_NAMES, 'all', 'others']), z.array(z.enum(EFFECTS)).min(1)).default({}),
  /** Sweeps: the components expected to be single points of failure (all must be found). */
  spofs: z.array(z.string().min(1)).optional(),
  /** Capacity: the variant's expected rank among the measured capacities (1 = highest). */
  capacityRank: z.number().int().min(1).max(3).optional(),
  /** Scale-out (a scenario with `scaling`): what adding replicas should give, and cost. */
  scaling: z.object({
    /** Capacity at the most replicas ÷ capacity at the fewest: at least this. */
    minSpeedup: z.number().min(0).optional(),
    /** …and at most this (the machine's cores bound a CPU-bound gain). */
    maxSpeedup: z.number().min(0).optional(),
    /** The variant's rank by resident MB per added replica among those measured (1 = the most). */
    memoryPerReplicaRank: z.number().int().min(1).max(3).optional(),
  }).strict().optional(),
}).strict();

export const scenarioSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(1).max(120),
  description: z.string().min(1).max(2000),
  /** For readers who are not engineers: what the scenario shows, in plain words, at the top of its report. */
  explanation: z.string().min(1).max(2000).optional(),
  variants: z.array(variantName).min(1).default([...VARIANT_NAMES]),
  seed: z.number().int().min(0).max(2 ** 31).default(42),
  load: z.object({
    ratePerSecond: z.number().min(0).max(10_000),
    mix: z.partialRecord(journeyName, z.number().min(0)).optional(),
    /** Ramping rates (the capacity scenario); when present they replace the constant rate. */
    stages: z.array(z.object({ ratePerSecond: z.number().min(1).max(10_000), durationMs: ms.min(500) }).strict()).min(1).optional(),
    requestTimeoutMs: ms.min(100).default(3_000),
  }).strict(),
  /**
   * A probe whose request is not answered within `timeoutMs` counts as failed: downtime is the time
   * during which a user's request would not be answered within that long.
   */
  probes: z.object({
    intervalMs: z.number().int().min(5).max(5_000).default(25),
    timeoutMs: ms.min(100).default(2_000),
  }).strict().default({ intervalMs: 25, timeoutMs: 2_000 }),
  timing: z.object({
    warmupMs: ms.default(2_000),
    measureMs: ms.min(1_000),
    quiesceTimeoutMs: ms.default(20_000),
  }).strict(),
  faults: z.array(scenarioFaultSchema).default([]),
  /** Break each component in turn (apps: `appKind`, brokers: broker-outage), one window each. */
  sweep: z.object({
    appKind: z.enum(['pause', 'kill']).default('pause'),
    durationMs: ms.min(500),
    gapMs: ms.min(500),
  }).strict().optional(),
  /**
   * Capacity as a search (lab/scenario/capacity-search/), used instead of `load.stages`: short steps at a
   * constant rate, doubling from `startRatePerSecond` until one breaks the SLO, then bisecting until the
   * passing and failing rates are within `precision`. `journey` measures one journey alone.
   */
  capacity: z.object({
    startRatePerSecond: z.number().min(1).max(100_000).default(50),
    /** The judged part of each step; `settleMs` at the same rate comes before it, not judged. */
    stepDurationMs: ms.min(500).default(3_000),
    settleMs: ms.default(1_000),
    precision: z.number().min(0.01).max(1).default(0.1),
    /** Never offer more than this (runs per second); the generator's own ceiling applies anyway. */
    maxRatePerSecond: z.number().min(1).max(1_000_000).optional(),
    journey: journeyName.optional(),
  }).strict().optional(),
  /**
   * Scale-out, with `capacity`: the capacity search runs once at each replica count of whatever hosts
   * `module` (the counts in order, the first one started with the variant); between searches the host is
   * scaled out under light traffic, until each new replica answered its first call (at most `trafficWaitMs`).
   * The resident memory of the variant's processes is read after each search.
   */
  scaling: z.object({
    module: z.enum(MODULE_NAMES),
    replicas: z.array(z.number().int().min(1).max(MAX_REPLICAS)).min(2)
      .refine((counts) => counts.every((n, i) => i === 0 || n > counts[i - 1]!), 'replica counts must rise'),
    trafficWaitMs: ms.min(1_000).default(15_000),
  }).strict().optional(),
  /** Settings of the shop itself, the same for every app process of every variant. */
  app: z.object({
    /** Full-text passes per search (ARCHLAB_SEARCH_FULL_TEXT_ROUNDS): how much CPU one search costs. */
    searchFullTextRounds: z.number().int().min(0).max(100_000).optional(),
  }).strict().optional(),
  slo: z.object({ p99Ms: ms.min(1).default(500), maxErrorRate: z.number().min(0).max(1).default(0.01) }).strict().default({ p99Ms: 500, maxErrorRate: 0.01 }),
  hypotheses: z.partialRecord(variantName, expectation).default({}),
  /**
   * Replica counts by component name (1 to 8); each variant takes those of the components it has, and
   * `--replicas` on the command line overrides them. A replicated edge runs behind HAProxy.
   */
  replicas: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a component name'), z.number().int().min(1).max(8)).optional(),
}).strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/** Parses a scenario, naming the source, each field path and what was expected. */
export function parseScenario(input: unknown, source: string): Scenario {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.flatMap(unwrapUnion).map((i) => `  ${issueLine(i, input)}`);
  throw new ScenarioError(`invalid scenario ${source}:\n${lines.join('\n')}`);
}

/**
 * A value no branch of a union took: the issues of the branch made for its type, if one was — the one
 * that got inside the value (a map with a bad entry), else one that did not reject its type outright.
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const branch = issue.errors.find((issues) => issues.every((i) => i.path.length > 0))
    ?? issue.errors.find((issues) => !issues.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  return branch ? branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })).flatMap(unwrapUnion) : [issue];
}

/** `faults.0.params.latencyMs (latency gateway->cart): Too small…; latency takes params: latencyMs, jitterMs = 0`. */
function issueLine(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  const [list, index, field] = issue.path;
  const fault = list === 'faults' && typeof index === 'number' ? (input as { faults?: unknown[] }).faults?.[index] : undefined;
  const { kind, target } = (fault ?? {}) as { kind?: unknown; target?: unknown };
  const known = typeof kind === 'string' ? findFaultKind(kind) : undefined;
  if (!known) return `${path}: ${issue.message}`;
  const takes = field === 'params' ? `; ${known.name} takes params: ${faultParams(known.name)}` : '';
  const named = typeof target === 'string' ? target : JSON.stringify(target) ?? '';
  return `${path} (${known.name} ${named}): ${issue.message}${takes}`;
}
