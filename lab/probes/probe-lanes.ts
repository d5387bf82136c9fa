/**
 * The probe lanes that run inside the load generator's worker, one per journey, on a QuietSchedule:
 * every load run is a sample of its journey, so a probe fills only a gap the load left open.
 * They have their own connection pool and their own (shorter) request timeout, so a probe never
 * queues behind the load's connections and fails as soon as the probe timeout says so.
 */
import { mulberry32 } from '../../shared-domain/index.js';
import type { JourneyKind, JourneyName } from '../journeys/index.js';
import type { Lane } from '../load/open-model.js';
import { createTransport, type Transport } from '../load/transport.js';
import type { ProbeLanesConfig } from './config.js';
import { QuietSchedule } from './quiet-schedule.js';

export interface ProbeLanes {
  readonly lanes: readonly Lane[];
  readonly transport: Transport;
  /** Tell the lanes that a run was started (the engine's `onLaunch`). */
  readonly sampled: (kind: JourneyKind, atMs: number) => void;
}

/** `endMs`: when the probes stop (ms after time zero), normally where the load's stages end. */
export function probeLanes(edgeUrl: string, config: ProbeLanesConfig, endMs: number): ProbeLanes {
  const transport = createTransport(edgeUrl, config.requestTimeoutMs, config.maxInFlightPerJourney * config.journeys.length);
  const schedules = new Map<JourneyKind, QuietSchedule>();
  const lanes = config.journeys.map((journey: JourneyName, index): Lane => {
    const schedule = new QuietSchedule(config.intervalMs, endMs);
    schedules.set(journey, schedule);
    return {
      source: 'probe',
      schedule,
      nextJourney: () => journey,
      context: transport.context(mulberry32(config.seed + 7919 * index)),
      maxInFlight: config.maxInFlightPerJourney,
    };
  });
  return { lanes, transport, sampled: (kind, atMs) => schedules.get(kind)?.sampled(atMs) };
}
