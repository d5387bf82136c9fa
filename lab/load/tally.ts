import { build, type Histogram } from 'hdr-histogram-js';
import type { JourneyKind, Outcome } from '../journeys/index.js';
import type { WorkerHealth } from './worker-health.js';

/** What happened to the runs of one journey, one stage, or all of them. */
export interface LoadCounts {
  /** Runs whose scheduled time came while the generator ran. */
  offered: number;
  /** Offered and started (the rest were dropped). */
  started: number;
  /** Started and finished with an outcome (the rest were cut off by a stop). */
  completed: number;
  /** Started more than the tolerance after their scheduled time. */
  late: number;
  /** Not started because `maxInFlight` runs were already in flight. */
  dropped: number;
  ok: number;
  degraded: number;
  failed: number;
}

/** Latency of completed runs, measured from their scheduled start, in ms (HDR histogram, 3 digits). */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

export interface LoadSummary {
  /** Epoch ms of the schedule's time zero. */
  readonly startedAtMs: number;
  /** From time zero until the last run finished or was cut off. */
  readonly durationMs: number;
  /** From time zero until the generator stopped starting runs (its stages ran out, or `stop()` came). */
  readonly activeMs: number;
  /** Ended by `stop()` rather than by running out of stages. */
  readonly stopped: boolean;
  /** The load's runs (probes are counted apart, in `probes`). */
  readonly total: LoadCounts;
  readonly byJourney: Readonly<Partial<Record<JourneyKind, LoadCounts>>>;
  /** Per stage, in order; runs belong to the stage they were scheduled in. */
  readonly byStage: readonly LoadCounts[];
  /** The load's runs. */
  readonly latencyMs: LatencySummary;
  /** Load runs started per second of `activeMs`. */
  readonly loadRunsPerSecond: number;
  /** Probe runs started per second of `activeMs` (0 without probes): the observer's own traffic, beside the load's. */
  readonly probeRunsPerSecond: number;
  /** The probe lanes that ran beside the load; null when the generator ran none. */
  readonly probes: ProbeCounts | null;
  /** CPU time the worker process used (user + system). Close to `durationMs` means one core was saturated: the generator itself was the bottleneck. */
  readonly workerCpuMs: number;
  /**
   * How late the worker's event loop got round to a timer (perf_hooks `monitorEventLoopDelay`, over
   * `durationMs`). Tens of ms mean the generator was starved: its runs started late and its
   * latencies include its own waiting.
   */
  readonly eventLoopDelayMs: { readonly p99: number; readonly max: number };
}

/** What the probe lanes did: a probe runs only where no run of its journey started for `intervalMs`. */
export interface ProbeCounts {
  readonly intervalMs: number;
  readonly total: LoadCounts;
  readonly byJourney: Readonly<Partial<Record<JourneyKind, LoadCounts>>>;
}

/** One tally's share of the summary. */
export type TallyCounts = Pick<LoadSummary, 'total' | 'byJourney' | 'byStage' | 'latencyMs'>;

const zero = (): LoadCounts => ({ offered: 0, started: 0, completed: 0, late: 0, dropped: 0, ok: 0, degraded: 0, failed: 0 });

/** Counts every run three ways (total, journey, stage) as it goes; cheap enough for the hot path. */
export class Tally {
  private readonly total = zero();
  private readonly byJourney: Partial<Record<JourneyKind, LoadCounts>> = {};
  private readonly byStage: LoadCounts[];
  private readonly latencyMicros: Histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });

  constructor(stageCount: number) {
    this.byStage = Array.from({ length: stageCount }, zero);
  }

  offered(kind: JourneyKind, stage: number, started: boolean, late: boolean): void {
    for (const counts of this.countsOf(kind, stage)) {
      counts.offered += 1;
      if (!started) counts.dropped += 1;
      else counts.started += 1;
      if (late) counts.late += 1;
    }
  }

  completed(kind: JourneyKind, stage: number, outcome: Outcome, latencyMs: number): void {
    for (const counts of this.countsOf(kind, stage)) {
      counts.completed += 1;
      counts[outcome] += 1;
    }
    this.latencyMicros.recordValue(Math.max(1, Math.round(latencyMs * 1000)));
  }

  counts(): TallyCounts {
    const h = this.latencyMicros;
    const ms = (micros: number) => micros / 1000;
    return {
      total: { ...this.total },
      byJourney: Object.fromEntries(Object.entries(this.byJourney).map(([kind, counts]) => [kind, { ...counts }])),
      byStage: this.byStage.map((counts) => ({ ...counts })),
      latencyMs: {
        count: h.totalCount, p50: ms(h.getValueAtPercentile(50)), p99: ms(h.getValueAtPercentile(99)),
        p999: ms(h.getValueAtPercentile(99.9)), max: ms(h.maxValue),
      },
    };
  }

  private countsOf(kind: JourneyKind, stage: number): LoadCounts[] {
    const journey = (this.byJourney[kind] ??= zero());
    const byStage = (this.byStage[stage] ??= zero());
    return [this.total, journey, byStage];
  }
}

export interface SummaryParts extends Pick<LoadSummary, 'startedAtMs' | 'durationMs' | 'activeMs' | 'stopped'> {
  readonly load: TallyCounts;
  readonly probe: TallyCounts;
  /** null: the generator ran no probe lanes. */
  readonly probeIntervalMs: number | null;
  readonly health: WorkerHealth;
}

/** The load's counts as they were, the probes' beside them, and both rates over the same active span. */
export function summaryOf(parts: SummaryParts): LoadSummary {
  const { load, probe, probeIntervalMs, activeMs } = parts;
  const perSecond = (runs: number) => (activeMs > 0 ? Math.round((100_000 * runs) / activeMs) / 100 : 0);
  return {
    startedAtMs: parts.startedAtMs, durationMs: parts.durationMs, activeMs, stopped: parts.stopped,
    ...load,
    loadRunsPerSecond: perSecond(load.total.started),
    probeRunsPerSecond: perSecond(probe.total.started),
    probes: probeIntervalMs === null ? null : { intervalMs: probeIntervalMs, total: probe.total, byJourney: probe.byJourney },
    ...parts.health,
  };
}
