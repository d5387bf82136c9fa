/**
 * What the load generator and the probes record: one entry per journey run. Everything the lab
 * measures (downtime, availability, blast radius, latency, throughput, integrity) is computed from these.
 */
export const JOURNEY_NAMES = ['browse', 'product', 'cart', 'checkout'] as const;
export type JourneyName = (typeof JOURNEY_NAMES)[number];

/**
 * What a generator can run: the shop's journeys, and `raw-get` — one GET of a fixed path, used only to
 * benchmark the generator itself (`lab/load/bench-rate.ts`). Runs of the shop never carry `raw-get`.
 */
export type JourneyKind = JourneyName | 'raw-get';

/** ok: every step answered as expected; degraded: answered with a part missing; failed: not answered. */
export type Outcome = 'ok' | 'degraded' | 'failed';

/** Why a run failed: no answer in time, connection refused/reset, a 5xx, or a 4xx the journey did not expect. */
export type FailureCause = 'timeout' | 'refused' | '5xx' | 'unexpected-4xx';

export interface JourneyRun {
  readonly source: 'load' | 'probe';
  readonly journey: JourneyName;
  /** Epoch ms at which the run was scheduled to start (not when it actually started). */
  readonly scheduledMs: number;
  /** From the scheduled start to the last answer (coordinated omission cannot hide a stall). */
  readonly latencyMs: number;
  /** Started later than scheduled by more than the generator's tolerance (load only). */
  readonly late?: boolean;
  readonly outcome: Outcome;
  /** Why a run failed; for a degraded run, why the missing part is missing (absent when it answered `degraded`). */
  readonly cause?: FailureCause;
  /** HTTP status of the step that decided the outcome. */
  readonly status?: number;
  /** checkout: the order acknowledged with 201, and the key it was placed with. */
  readonly orderId?: string;
  readonly idempotencyKey?: string;
  readonly cartId?: string;
}

/** A weighted journey mix, like a locustfile's task table. Weights need not sum to 1. */
export type JourneyMix = Readonly<Record<JourneyName, number>>;

export const DEFAULT_MIX: JourneyMix = { browse: 0.4, product: 0.35, cart: 0.15, checkout: 0.1 };
