/** The load generator's settings: one schema, parsed once by the lab and again by the worker. */
import { z } from 'zod';
import { DEFAULT_MIX, isLoopbackUrl, JOURNEY_NAMES, type JourneyMix } from '../journeys/index.js';
import { probeLanesSchema, type ProbeLaneOptions } from '../probes/config.js';
import type { Stage } from './schedule.js';

export const DEFAULT_REQUEST_TIMEOUT_MS = 2000;
export const DEFAULT_MAX_IN_FLIGHT = 1000;
/** A run starting more than this after its scheduled time counts as late. */
export const LATE_AFTER_MS = 10;
/** How long `stop()` lets in-flight runs finish before cutting them off. */
export const STOP_GRACE_MS = 1000;

const loopbackUrl = z.string().refine(isLoopbackUrl, { message: 'must be http://127.0.0.1:PORT or http://[::1]:PORT' });
const weight = z.number().finite().min(0);

export const generatorConfigSchema = z.object({
  edgeUrl: loopbackUrl,
  stages: z.array(z.object({
    ratePerSecond: z.number().finite().min(0).max(1_000_000),
    durationMs: z.number().int().positive(),
  })).min(1),
  mix: z.partialRecord(z.enum([...JOURNEY_NAMES, 'raw-get']), weight)
    .refine((mix) => Object.values(mix).some((w) => (w ?? 0) > 0), { message: 'needs at least one positive weight' })
    .default(DEFAULT_MIX),
  seed: z.number().int().default(1),
  requestTimeoutMs: z.number().int().positive().default(DEFAULT_REQUEST_TIMEOUT_MS),
  maxInFlight: z.number().int().positive().max(100_000).default(DEFAULT_MAX_IN_FLIGHT),
  /** The path `raw-get` requests. */
  rawPath: z.string().startsWith('/').default('/'),
  /** false: send only the summary (benchmarks at rates where shipping every run would cost more than making it). */
  reportRuns: z.boolean().default(true),
  /** Probe lanes beside the load, until its stages end; absent: none. */
  probes: probeLanesSchema.optional(),
});

export type GeneratorConfig = z.output<typeof generatorConfigSchema>;
export type GeneratorOptions = z.input<typeof generatorConfigSchema>;

/** What `startLoad` takes. Defaults: DEFAULT_MIX, seed 1, 2000 ms per request, 1000 runs in flight. */
export interface LoadOptions {
  /** The public API; only 127.0.0.1 and [::1] are accepted. */
  readonly edgeUrl: string;
  /** Back to back, each at a constant arrival rate (one stage = constant rate; several = a ramp in steps). */
  readonly stages: readonly Stage[];
  readonly mix?: JourneyMix;
  readonly seed?: number;
  readonly requestTimeoutMs?: number;
  /** Runs in flight at most; a run due while the cap is reached is dropped (counted, not run). */
  readonly maxInFlight?: number;
  /**
   * Probe every journey the load leaves quiet for `intervalMs`, in the same worker (which knows when
   * each journey last ran), until the stages end. Downtime reads load and probe runs alike.
   */
  readonly probes?: ProbeLaneOptions;
}
