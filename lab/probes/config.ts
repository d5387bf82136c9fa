/** The probes' settings: one schema, parsed by the lab and again by the generator worker. */
import { z } from 'zod';
import { isLoopbackUrl, JOURNEY_NAMES, type JourneyName } from '../journeys/index.js';

export const DEFAULT_PROBE_INTERVAL_MS = 25;
export const DEFAULT_PROBE_TIMEOUT_MS = 1000;
/** Probe runs of one journey in flight at most: a stall of several timeouts' worth still keeps ticking. */
export const DEFAULT_PROBE_MAX_IN_FLIGHT = 250;
/** How long `stop()` lets in-flight probe runs finish before cutting them off. */
export const PROBE_STOP_GRACE_MS = 1000;

/** The probe lanes of a generator: what the load's config carries under `probes`. */
export const probeLanesSchema = z.object({
  /** The longest a journey goes without a run starting (load or probe): the downtime resolution. */
  intervalMs: z.number().finite().min(1).max(60_000).default(DEFAULT_PROBE_INTERVAL_MS),
  journeys: z.array(z.enum(JOURNEY_NAMES)).min(1)
    .refine((names) => new Set(names).size === names.length, { message: 'lists a journey twice' })
    .default([...JOURNEY_NAMES]),
  requestTimeoutMs: z.number().int().positive().default(DEFAULT_PROBE_TIMEOUT_MS),
  seed: z.number().int().default(1),
  maxInFlightPerJourney: z.number().int().positive().max(10_000).default(DEFAULT_PROBE_MAX_IN_FLIGHT),
});

export const probeConfigSchema = probeLanesSchema.extend({
  edgeUrl: z.string().refine(isLoopbackUrl, { message: 'must be http://127.0.0.1:PORT or http://[::1]:PORT' }),
});

export type ProbeLanesConfig = z.output<typeof probeLanesSchema>;

/** The probe lanes beside a load. Defaults: 25 ms, every journey, 1000 ms per request, seed 1. */
export interface ProbeLaneOptions {
  /**
   * A journey is probed once no run of it (load or probe) has started for this long, so every journey
   * is sampled at least this often while the load alone samples busy journeys for free.
   */
  readonly intervalMs?: number;
  readonly journeys?: readonly JourneyName[];
  readonly requestTimeoutMs?: number;
  readonly seed?: number;
  /** Per journey; a probe due while this many runs of its journey are in flight is dropped (counted). */
  readonly maxInFlightPerJourney?: number;
}

/** What `startProbes` takes: probes without load. */
export interface ProbeOptions extends ProbeLaneOptions {
  /** The public API; only 127.0.0.1 and [::1] are accepted. */
  readonly edgeUrl: string;
}
