/** The load generator's process: one lane, stages of constant arrival rate, journeys drawn from the mix. */
import { mulberry32 } from '../../shared-domain/index.js';
import { weightedPicker } from '../journeys/index.js';
import { generatorConfigSchema, LATE_AFTER_MS, type GeneratorConfig } from './config.js';
import { OpenModelEngine } from './open-model.js';
import { StagedSchedule } from './schedule.js';
import { createTransport } from './transport.js';
import { serveWorker } from './worker-main.js';

serveWorker<GeneratorConfig>({
  parse: (config) => generatorConfigSchema.parse(config),
  create: (config, onRun) => {
    const transport = createTransport(config.edgeUrl, config.requestTimeoutMs, config.maxInFlight);
    const random = mulberry32(config.seed);
    const pickJourney = weightedPicker(config.mix);
    const engine = new OpenModelEngine({
      source: 'load',
      lanes: [{
        schedule: new StagedSchedule(config.stages),
        nextJourney: () => pickJourney(random()),
        context: transport.context(random, config.rawPath),
        maxInFlight: config.maxInFlight,
      }],
      stageCount: config.stages.length,
      deadlines: transport.deadlines,
      lateAfterMs: LATE_AFTER_MS,
      onRun: config.reportRuns ? onRun : () => undefined,
    });
    return { engine, dispose: () => transport.close() };
  },
});
