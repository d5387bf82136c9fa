/**
 * A kind of scenario step, as one module: its name, its params, what it targets, its check against a
 * topology, its prediction, and how it is put in effect. registry.ts lists the fault kinds; everything
 * else is derived from that table:
 *
 *   kinds/<kind>.ts ─▶ registry.ts ─▶ FAULT_KINDS, faultSpecSchema, the scenario file's fault schema,
 *                                     the check at load, predictFault, injectFault, EdgeProxies' edges
 *
 * A new fault kind is one file in kinds/ exporting a `FaultKind`, and one line in the table.
 *
 * Action kinds (deploy, version, scale) are kinds in the same table: a change is "injected" when it
 * starts and "healed" when it has finished, on the same schedule, windows, checks and predictions as a
 * fault. deploy and version share their rolling replacement (rollout.ts).
 */
import { z } from 'zod';
import type { Topology } from '../../boundary/topology.js';
import type { ModuleName } from '../../shared-domain/modules.js';
import type { JourneyName } from '../journeys/types.js';
import type { Effect } from '../scenario/schema.js';
import type { FaultContext, InjectedFault } from './types.js';

/** What a kind names in a variant: any component, an app, a broker, a domain module or an edge `from->to`. */
export type TargetKind = 'component' | 'app' | 'broker' | 'module' | 'edge';

/** A target as a spec holds it, resolved to one part of a variant. */
export type TargetOf<T extends TargetKind> = T extends 'module' ? ModuleName : string;

type Flat<T> = { [K in keyof T]: T[K] };
/** `params` may be left out where the params schema takes `undefined`. */
type ParamsField<P> = undefined extends P ? { params?: P } : { params: P };

/** A step of one kind on one target, with its params: what `check` and `predict` look at. */
export type Step<N extends string, Target, P> = Flat<{ kind: N; target: Target } & ParamsField<P>>;

/** A fault's place in time: from the start of the fault phase; healed `durationMs` after it went in. */
export interface FaultTiming { atMs: number; durationMs: number }

/** The effect on every journey that the topology predicts. */
export type Prediction = Record<JourneyName, Effect>;

/** What every kind of step holds, whatever runs it. */
export interface KindDefinition<N extends string = string, T extends TargetKind = TargetKind, P extends z.ZodType = z.ZodType> {
  readonly name: N;
  readonly target: T;
  /** Strict, with defaults: parsing fills them in, so results copy the values that were used. */
  readonly params: P;
  /** Undefined when `topology` has what the step names; otherwise why not, listing what would be valid. */
  check(step: Step<N, TargetOf<T>, z.output<P>>, topology: Topology): string | undefined;
  predict(step: Step<N, TargetOf<T>, z.output<P>>, topology: Topology): Prediction;
}

export interface FaultKind<N extends string = string, T extends TargetKind = TargetKind, P extends z.ZodType = z.ZodType> extends KindDefinition<N, T, P> {
  /** Puts the fault in effect (its target checked already); what it returns heals it, once. */
  inject(spec: Flat<Step<N, TargetOf<T>, z.output<P>> & FaultTiming>, context: FaultContext): Promise<InjectedFault>;
}

/** The steps of a table of kinds as data: the target as resolved for a spec, params as parsed (`output`) or written (`input`). */
export type SpecOf<D, Timing, IO extends 'input' | 'output'> = D extends KindDefinition<infer N, infer T, infer P>
  ? Flat<Step<N, TargetOf<T>, IO extends 'input' ? z.input<P> : z.output<P>> & Timing> : never;

/** The same, with every target of one type (a scenario's: a name, a shorthand or one per variant). */
export type EntryOf<D, Target, Timing, IO extends 'input' | 'output'> = D extends KindDefinition<infer N, TargetKind, infer P>
  ? Flat<Step<N, Target, IO extends 'input' ? z.input<P> : z.output<P>> & Timing> : never;

/** One strict object per kind, `{ kind, target, …timing, params }`, discriminated by `kind`. */
export function stepUnion(kinds: readonly KindDefinition[], target: (kind: TargetKind) => z.ZodType, timing: z.ZodRawShape) {
  const [first, ...rest] = kinds.map((k) => z.strictObject({ kind: z.literal(k.name), target: target(k.target), ...timing, params: k.params }));
  if (!first) throw new Error('a table of kinds needs at least one kind');
  return z.discriminatedUnion('kind', [first, ...rest]);
}

/** The params a kind takes, for messages: `latencyMs, jitterMs = 0`, `instance?, everyMs?`, `none`. */
export function describeParams(kind: KindDefinition): string {
  const json = z.toJSONSchema(kind.params, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { default?: unknown }>; required?: string[]; default?: unknown;
  };
  const fields = Object.entries(json.properties ?? {}).map(([name, field]) => (
    field.default !== undefined ? `${name} = ${JSON.stringify(field.default)}` : json.required?.includes(name) ? name : `${name}?`));
  const whole = json.default === undefined ? '' : ` (left out: ${JSON.stringify(json.default)})`;
  return fields.length > 0 ? `${fields.join(', ')}${whole}` : 'none';
}
