/** Probes: lanes in the load's worker that sample every journey the load leaves quiet for the probe interval (and `startProbes`: probes without load). */
export { startProbes, type RunningProbes } from './start-probes.js';
export { DEFAULT_PROBE_INTERVAL_MS, DEFAULT_PROBE_TIMEOUT_MS, DEFAULT_PROBE_MAX_IN_FLIGHT, type ProbeLaneOptions, type ProbeOptions } from './config.js';
