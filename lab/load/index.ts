/** Load: an open-model generator (k6 constant-arrival-rate, in stages) in its own process, with probe lanes beside it when asked. */
export { startLoad, startGenerator, type RunningLoad } from './start-load.js';
export { DEFAULT_MAX_IN_FLIGHT, DEFAULT_REQUEST_TIMEOUT_MS, LATE_AFTER_MS, type GeneratorOptions, type LoadOptions } from './config.js';
export type { Stage } from './schedule.js';
export type { LatencySummary, LoadCounts, LoadSummary, ProbeCounts } from './tally.js';
export type { GeneratedRun } from './open-model.js';
export { highestSustainedRate, type RateTrial, type SustainedRate } from './bench-rate.js';
export { GeneratorError, GeneratorExitedError, GeneratorStartError, InvalidGeneratorOptionsError } from './errors.js';
