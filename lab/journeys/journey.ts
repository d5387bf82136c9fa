import type { StepAnswer, StepContext } from './http-step.js';
import type { FailureCause, JourneyRun, Outcome } from './types.js';

/** Everything a journey needs: the pool and timeouts, a seeded PRNG, and (raw-get only) its path. */
export interface JourneyContext extends StepContext {
  /** Uniform in [0, 1), seeded. Journeys draw every choice before their first await, so a seed replays them. */
  readonly random: () => number;
  readonly rawPath: string;
}

/** A run's result before the generator stamps it with its source, journey, schedule and latency. */
export type JourneyResult = Pick<JourneyRun, 'outcome' | 'cause' | 'status' | 'orderId' | 'idempotencyKey' | 'cartId'>;

export type Journey = (context: JourneyContext) => Promise<JourneyResult>;

export function answered(outcome: Exclude<Outcome, 'failed'>, status: number, cause?: FailureCause): JourneyResult {
  return cause === undefined ? { outcome, status } : { outcome, status, cause };
}

/** A step that did not answer as expected decides the run: failed, with its cause. */
export function failedAt(step: Extract<StepAnswer, { ok: false }>): JourneyResult {
  return step.status === undefined ? { outcome: 'failed', cause: step.cause } : { outcome: 'failed', cause: step.cause, status: step.status };
}

/** A 2xx whose body lacks what the journey needs next (an id): the server answered wrongly. */
export function malformed(status: number): JourneyResult {
  return { outcome: 'failed', cause: '5xx', status };
}

/** A string field of a parsed JSON body, if it is one. */
export function stringField(body: unknown, field: string): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}
