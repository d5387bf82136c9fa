/** The probes' process: one lane per journey, each starting a run every `intervalMs`, until stopped. */
import { mulberry32 } from '../../shared-domain/index.js';
import { OpenModelEngine } from '../load/open-model.js';
import { StagedSchedule } from '../load/schedule.js';
import { createTransport } from '../load/transport.js';
import { serveWorker } from '../load/worker-main.js';
import { probeConfigSchema, type ProbeConfig } from './config.js';

/** A probe's lateness is measured too, but only the load reports it per run. */
const LATE_AFTER_MS = 10;

serveWorker<ProbeConfig>({
  parse: (config) => probeConfigSchema.parse(config),
  create: (config, onRun) => {
    const transport = createTransport(config.edgeUrl, config.requestTimeoutMs, config.maxInFlightPerJourney * config.journeys.length);
    const lanes = config.journeys.map((journey, index) => ({
      schedule: new StagedSchedule([{ ratePerSecond: 1000 / config.intervalMs, durationMs: Infinity }]),
      nextJourney: () => journey,
      context: transport.context(mulberry32(config.seed + 7919 * index)),
      maxInFlight: config.maxInFlightPerJourney,
    }));
    const engine = new OpenModelEngine({ source: 'probe', lanes, stageCount: 1, deadlines: transport.deadlines, lateAfterMs: LATE_AFTER_MS, onRun });
    return { engine, dispose: () => transport.close() };
  },
});
