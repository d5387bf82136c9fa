/** Journeys: what one simulated user does against the public API, and how a run is classified. */
export { DEFAULT_MIX, JOURNEY_NAMES, type FailureCause, type JourneyKind, type JourneyMix, type JourneyName, type JourneyRun, type Outcome } from './types.js';
export { JOURNEYS } from './registry.js';
export { SEARCH_TERMS } from './choices.js';
export { TEST_CARD_NUMBER } from './checkout.js';
export { DeadlineQueue, type Deadline } from './deadline-queue.js';
export { weightedPicker, type WeightedKinds } from './mix.js';
export { isLoopbackUrl, loopbackOrigin } from './target.js';
export type { Journey, JourneyContext, JourneyResult } from './journey.js';
export { JourneyError, NonLoopbackTargetError, RequestTimeoutError, RunStoppedError } from './errors.js';
