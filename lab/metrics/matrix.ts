/**
 * From a sweep that breaks each component in turn: the component × journey matrix of fault-window
 * availability, which journeys each failure took down, and the single points of failure — components
 * whose failure alone takes every journey down.
 */
import { JOURNEY_NAMES, type JourneyName } from '../journeys/types.js';

/** A journey is down under a fault when its fault-window availability is below this (not just hit: down). */
export const DOWN_AVAILABILITY_THRESHOLD = 0.5;

export interface SweepResult {
  /** The component that was broken (a component name, or `component/kind` when a sweep uses several kinds). */
  readonly component: string;
  readonly availability: Readonly<Partial<Record<JourneyName, number | null>>>;
}

export interface FaultMatrix {
  readonly components: readonly string[];
  readonly journeys: readonly JourneyName[];
  /** rows[component][journey]: fault-window availability, null when unmeasured. */
  readonly rows: Readonly<Record<string, Readonly<Record<JourneyName, number | null>>>>;
  readonly down: Readonly<Record<string, readonly JourneyName[]>>;
  readonly downThreshold: number;
  readonly singlePointsOfFailure: readonly string[];
}

export function faultMatrix(sweep: readonly SweepResult[], downThreshold = DOWN_AVAILABILITY_THRESHOLD): FaultMatrix {
  const rows: Record<string, Record<JourneyName, number | null>> = {};
  const down: Record<string, JourneyName[]> = {};
  for (const { component, availability } of sweep) {
    const row = Object.fromEntries(JOURNEY_NAMES.map((j) => [j, availability[j] ?? null])) as Record<JourneyName, number | null>;
    rows[component] = row;
    down[component] = JOURNEY_NAMES.filter((j) => row[j] !== null && (row[j] as number) < downThreshold);
  }
  const components = sweep.map((s) => s.component);
  return {
    components,
    journeys: JOURNEY_NAMES,
    rows,
    down,
    downThreshold,
    // An unmeasured journey is not evidence of an outage: a SPOF must have taken down all four, measured.
    singlePointsOfFailure: components.filter((c) => down[c]?.length === JOURNEY_NAMES.length),
  };
}
