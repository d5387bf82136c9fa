/**
 * The fault kinds, one line each. Everything that depends on which kinds exist is derived from this
 * table: the names, the spec schema and its types, the scenario file's fault schema (through
 * `faultSchemaWith`), the check against a topology, the prediction and the injection. A new kind is one
 * file in kinds/ and one line here (see kind.ts, also for action kinds).
 */
import { z } from 'zod';
import type { Topology } from '../../boundary/topology.js';
import { InvalidFaultSpecError, UnknownFaultTargetError } from './errors.js';
import { describeParams, stepUnion, type EntryOf, type FaultKind, type FaultTiming, type Prediction, type SpecOf, type TargetKind } from './kind.js';
import { brokerOutage } from './kinds/broker-outage.js';
import { deploy } from './kinds/deploy.js';
import { kill } from './kinds/kill.js';
import { latency } from './kinds/latency.js';
import { moduleCrash, moduleError, moduleHog, moduleSlow } from './kinds/module-fault.js';
import { partition } from './kinds/partition.js';
import { pause } from './kinds/pause.js';
import { scale } from './kinds/scale.js';
import { version } from './kinds/version.js';
import { ms, positiveMs } from './params.js';
import { TARGET_SCHEMAS } from './targets.js';
import type { FaultContext, InjectedFault } from './types.js';

export const FAULT_KIND_TABLE = [
  kill, pause, moduleCrash, moduleError, moduleSlow, moduleHog, latency, partition, brokerOutage,
  // Changes rather than faults, on the same schedule, windows and predictions: a deploy, a version or a
  // scale is "injected" when it starts, and "healed" when it has finished (nothing to undo).
  deploy, version, scale,
] as const;

type AnyFaultKind = (typeof FAULT_KIND_TABLE)[number];
export type FaultKindName = AnyFaultKind['name'];
export const FAULT_KINDS: readonly FaultKindName[] = FAULT_KIND_TABLE.map((k) => k.name);

/** A fault as data: what a scenario plans for one variant, what results copy, what `injectFault` takes. */
export type FaultSpec = SpecOf<AnyFaultKind, FaultTiming, 'output'>;
/** What may be written (defaults filled in by parsing). */
export type FaultSpecInput = SpecOf<AnyFaultKind, FaultTiming, 'input'>;
export type FaultSpecOf<K extends FaultKindName> = Extract<FaultSpec, { kind: K }>;
/** A fault whose every target has the type `Target`: a scenario file's, before it is resolved per variant. */
export type FaultEntry<Target, Timing, IO extends 'input' | 'output'> = EntryOf<AnyFaultKind, Target, Timing, IO>;

export const faultSpecSchema = stepUnion(FAULT_KIND_TABLE, (target) => TARGET_SCHEMAS[target], { atMs: ms, durationMs: positiveMs }) as
  unknown as z.ZodType<FaultSpec, FaultSpecInput>;

/** The fault schema with another target and timing: a scenario file's. */
export function faultSchemaWith(target: (kind: TargetKind) => z.ZodType, timing: z.ZodRawShape): z.ZodType {
  return stepUnion(FAULT_KIND_TABLE, target, timing);
}

export function findFaultKind(name: string): AnyFaultKind | undefined {
  return FAULT_KIND_TABLE.find((k) => k.name === name);
}

/** `kill`: `instance?, everyMs?`. */
export function faultParams(name: FaultKindName): string {
  return describeParams(definition(name));
}

export function parseFaultSpec(value: unknown): FaultSpec {
  const parsed = faultSpecSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InvalidFaultSpecError(parsed.error.issues.map((i) => `${i.path.join('.') || '(spec)'}: ${i.message}`), { cause: parsed.error });
}

/** Undefined when `spec` can be injected into `topology`; otherwise why not, and what would be valid. */
export function validateFaultAgainstTopology(spec: FaultSpec, topology: Topology): string | undefined {
  return definition(spec.kind).check(spec, topology);
}

/** The blast radius the topology predicts for one fault, in the vocabulary of the verdicts. */
export function predictFault(spec: FaultSpec, topology: Topology): Prediction {
  return definition(spec.kind).predict(spec, topology);
}

/** Checks the spec against the topology, then puts it in effect. */
export function injectFault(spec: FaultSpec, context: FaultContext): Promise<InjectedFault> {
  const invalid = validateFaultAgainstTopology(spec, context.topology);
  if (invalid !== undefined) return Promise.reject(new UnknownFaultTargetError(spec.kind, spec.target, invalid));
  return definition(spec.kind).inject(spec, context);
}

/** One kind's definition, for a spec of that kind (the table has every name `FaultSpec` can hold). */
function definition(name: FaultKindName): FaultKind<FaultKindName, TargetKind, z.ZodType> {
  return findFaultKind(name) as FaultKind<FaultKindName, TargetKind, z.ZodType>;
}
