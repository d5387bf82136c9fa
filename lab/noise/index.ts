/** Noise guard: what the machine, the lab and everything else used of the CPU while a variant was measured. */
export { brokerDirMarker } from './lab-processes.js';
export { startNoiseGuard, DEFAULT_NOISE_INTERVAL_MS, type NoiseGuardOptions, type RunningNoiseGuard } from './noise-guard.js';
export { judgeNoise, generatorFigures, type CpuFigure, type GeneratorFigures, type NoiseReport } from './judge-noise.js';
export { NOISE_THRESHOLDS, type NoiseThresholds } from './thresholds.js';
export type { NoiseSample, ProcessCpu } from './noise-sample.js';
export { parseMachineCpu, type MachineCpu } from './machine-cpu.js';
export { parseProcessStat, type ProcessStat } from './process-stat.js';
export { NoiseGuardError, ProcParseError } from './errors.js';
