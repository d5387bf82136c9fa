/** Scaling out under load: capacity and memory per replica count, and the time until a new replica takes traffic. */
export { runScaleOut, variantProcesses, type ScaleOutOptions, type ScaleOutRecord } from './run-scale-out.js';
export { FirstCalls } from './first-calls.js';
export { parseVmRssKib, readResidentMemory, type NamedProcess } from './resident-memory.js';
