/**
 * What a generator worker runs, built from its config: one load lane (stages of constant arrival rate,
 * journeys drawn from the mix) and, when asked, a probe lane per journey that fills the gaps the load
 * leaves. In-process too, for tests.
 */
import { mulberry32 } from '../../shared-domain/index.js';
import { weightedPicker } from '../journeys/index.js';
import { probeLanes } from '../probes/probe-lanes.js';
import { LATE_AFTER_MS, type GeneratorConfig } from './config.js';
import { OpenModelEngine, type GeneratedRun } from './open-model.js';
import { StagedSchedule } from './schedule.js';
import { createTransport } from './transport.js';

export interface BuiltGenerator {
  readonly engine: OpenModelEngine;
  /** Closes the connection pools; after the engine finished. */
  dispose(): Promise<void>;
}

export function buildGenerator(config: GeneratorConfig, onRun: (run: GeneratedRun) => void): BuiltGenerator {
  const transport = createTransport(config.edgeUrl, config.requestTimeoutMs, config.maxInFlight);
  const random = mulberry32(config.seed);
  const pickJourney = weightedPicker(config.mix);
  const schedule = new StagedSchedule(config.stages);
  const probes = config.probes && probeLanes(config.edgeUrl, config.probes, schedule.endMs);
  const engine = new OpenModelEngine({
    lanes: [{
      source: 'load',
      schedule,
      nextJourney: () => pickJourney(random()),
      context: transport.context(random, config.rawPath),
      maxInFlight: config.maxInFlight,
    }, ...(probes?.lanes ?? [])],
    stageCount: config.stages.length,
    deadlines: [transport.deadlines, ...(probes ? [probes.transport.deadlines] : [])],
    plannedMs: schedule.endMs,
    probeIntervalMs: config.probes?.intervalMs ?? null,
    lateAfterMs: LATE_AFTER_MS,
    onRun: config.reportRuns ? onRun : () => undefined,
    onLaunch: probes?.sampled,
  });
  return { engine, dispose: async () => { await Promise.all([transport.close(), probes?.transport.close()]); } };
}
