/**
 * A fault is data: the struct a scenario file holds, the one results copy, and what `injectFault` takes.
 * `atMs` counts from the start of the run's fault phase; whoever schedules faults heals each one
 * `durationMs` after it was injected.
 */
import { z } from 'zod';
import { MODULE_NAMES } from '../../shared-domain/modules.js';
import type { RunningVariant } from '../runner/index.js';
import type { Topology } from '../../boundary/topology.js';
import type { EdgeProxies } from './edge-proxies.js';

export const FAULT_KINDS = [
  'kill', 'pause', 'module-crash', 'module-error', 'module-slow', 'module-hog', 'latency', 'partition', 'broker-outage',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Between two components: `gateway->catalog`, `order->nats`. */
export const EDGE_PATTERN = /^([a-z0-9][a-z0-9-]*)->([a-z0-9][a-z0-9-]*)$/;

const ms = z.number().int().nonnegative();
const positiveMs = z.number().int().positive();
const timing = { atMs: ms, durationMs: positiveMs };
const component = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a component name');
const moduleName = z.enum(MODULE_NAMES);
const edge = z.string().regex(EDGE_PATTERN, 'an edge, "from->to"');
const noParams = z.strictObject({}).optional();
/** Without `instance`, every replica. */
const instance = z.number().int().nonnegative().optional();
/** CPU burnt (hog) or latency added (slow) per call of the module. */
const moduleDelay = z.strictObject({ delayMs: positiveMs }).default({ delayMs: 500 });

export const faultSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('kill'), target: component, ...timing,
    params: z.strictObject({ instance, everyMs: positiveMs.optional() }).optional() }),
  z.strictObject({ kind: z.literal('pause'), target: component, ...timing, params: z.strictObject({ instance }).optional() }),
  z.strictObject({ kind: z.literal('module-crash'), target: moduleName, ...timing, params: noParams }),
  z.strictObject({ kind: z.literal('module-error'), target: moduleName, ...timing, params: noParams }),
  z.strictObject({ kind: z.literal('module-slow'), target: moduleName, ...timing, params: moduleDelay }),
  z.strictObject({ kind: z.literal('module-hog'), target: moduleName, ...timing, params: moduleDelay }),
  /** `latencyMs` is added to every round trip: half of it to each chunk going either way (± jitterMs/2). */
  z.strictObject({ kind: z.literal('latency'), target: edge, ...timing,
    params: z.strictObject({ latencyMs: positiveMs, jitterMs: ms.default(0) }) }),
  z.strictObject({ kind: z.literal('partition'), target: edge, ...timing, params: noParams }),
  z.strictObject({ kind: z.literal('broker-outage'), target: component, ...timing, params: noParams }),
]);

export type FaultSpec = z.output<typeof faultSpecSchema>;
/** What a scenario file may leave out (defaults filled in by parsing). */
export type FaultSpecInput = z.input<typeof faultSpecSchema>;
export type FaultSpecOf<K extends FaultKind> = Extract<FaultSpec, { kind: K }>;

/** A fault in effect. `heal()` undoes it; calling it again returns the same promise. */
export interface InjectedFault {
  /** The very object given to `injectFault` (callers may match on identity). */
  readonly spec: FaultSpec;
  /** Epoch milliseconds. */
  readonly injectedAtMs: number;
  heal(): Promise<void>;
}

/** What the faults did, for the timeline: one line per action, stamped when it happened. */
export interface FaultEvent {
  readonly tMs: number;
  readonly kind: FaultKind;
  readonly target: string;
  /** `repeated`: a kill with `everyMs`; `reinjected`: a module fault sent again to a restarted process. */
  readonly action: 'injected' | 'repeated' | 'reinjected' | 'healed';
  readonly detail?: string;
}

export interface FaultContext {
  readonly running: RunningVariant;
  readonly topology: Topology;
  readonly proxies: EdgeProxies;
  log(event: FaultEvent): void;
}
