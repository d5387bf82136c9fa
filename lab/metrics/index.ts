/** The measurements: small pure functions from journey runs (and the fault window) to numbers. */
export type { Percentiles, TimeWindow } from './types.js';
export { inWindow, isSuccess, latencySample, nearestRank } from './runs.js';
export { buildTimeline, FAILURE_CAUSES, TIMELINE_BUCKET_MS, type OutcomeCounts, type Timeline, type TimelineBucket, type TimelineOptions } from './timeline.js';
export { fromTimelineJson, toTimelineJson, type JourneyColumns, type OutcomeColumns, type TimelineJson } from './timeline-json.js';
export {
  downtimeByJourney, journeyDowntime, DEFAULT_PROBE_INTERVAL_MS, SUSTAINED_RECOVERY_MS, type DowntimeOptions, type JourneyDowntime,
} from './downtime.js';
export {
  availabilityByJourney, countShare, faultWindowAvailability,
  type AvailabilityBySource, type AvailabilityOptions, type AvailabilityShare, type JourneyAvailability,
} from './availability.js';
export { blastRadius, BLAST_RADIUS_AVAILABILITY_THRESHOLD, type BlastRadius } from './blast-radius.js';
export { faultMatrix, DOWN_AVAILABILITY_THRESHOLD, type FaultMatrix, type SweepResult } from './matrix.js';
export { percentilesOf } from './percentiles.js';
export { latencySummary, DEFAULT_WARMUP_MS, type LatencyGroup, type LatencyOptions, type LatencySummary } from './latency.js';
export { throughput, type Throughput, type ThroughputCounts, type ThroughputSecond } from './throughput.js';
export { capacityLabel, capacitySteps, rampCapacity, type Capacity, type CapacityLimit, type CapacityOptions } from './capacity.js';
export {
  judgeStep, rampStageResult, withinSlo, DEFAULT_MAX_ERROR_RATE, DEFAULT_SLO_P99_MS, GENERATOR_LATE_SHARE, GENERATOR_SATURATED_CPU_SHARE,
  type CapacityStep, type RampStageResult, type Slo, type StepCounts,
} from './capacity-step.js';
export {
  coreBoundSpeedup, scalingFigures, type MemoryReading, type ResidentProcess, type ScaleCommand, type ScalingFigures, type ScalingLevel, type ScalingStep,
} from './scaling.js';
