/** Probes: every journey on a fixed interval, in their own process, for downtime at 25 ms resolution. */
export { startProbes, type RunningProbes } from './start-probes.js';
export { DEFAULT_PROBE_INTERVAL_MS, DEFAULT_PROBE_TIMEOUT_MS, DEFAULT_PROBE_MAX_IN_FLIGHT, type ProbeOptions } from './config.js';
