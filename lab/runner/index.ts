/** The runner's public surface: start a variant as real processes, supervise them, stop them. */
export { startVariant, DEFAULT_READY_TIMEOUT_MS, DEFAULT_SEED } from './start-variant.js';
export { resolveEntry, repositoryRoot } from './resolve-entry.js';
export { installCleanup, type CleanupOptions, type Stoppable } from './install-cleanup.js';
export { DOCKER_LIKE_BACKOFF, RestartBackoff, type BackoffPolicy } from './restart-backoff.js';
export { BrokerPool, createBrokerPool, type BrokerPoolOptions } from './broker-pool.js';
export type { BrokerLauncher, BrokerStartOptions, ShareableBroker, ShareableBrokerLauncher, StartedBroker } from './broker-launcher.js';
export type {
  ControlMessage, InstanceState, LifecycleEvent, LifecycleEventType, LogLine, LogStream,
  RunningComponent, RunningInstance, RunningVariant, StartVariantOptions,
} from './types.js';
export {
  BrokerLeasedError, BrokerPoolStoppedError, BrokerStartError, ComponentExitedError, ComponentNotReadyError, ComponentSpawnError, EntryNotBuiltError,
  RunnerError, TopologyError, UnknownComponentError, VariantStoppedError,
} from './errors.js';
