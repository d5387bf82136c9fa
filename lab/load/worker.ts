/** The generator's process: the load and, when asked, its probe lanes (see build-generator.ts). */
import { buildGenerator } from './build-generator.js';
import { generatorConfigSchema, type GeneratorConfig } from './config.js';
import { serveWorker } from './worker-main.js';

serveWorker<GeneratorConfig>({
  parse: (config) => generatorConfigSchema.parse(config),
  create: buildGenerator,
});
