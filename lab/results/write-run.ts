/**
 * Writes a run's files: run.json (parameters, environment, per-variant summaries and verdicts),
 * timeline.json (100 ms buckets per variant and journey, lifecycle events, fault marks) and the
 * central log of every variant under logs/. Written again after each variant, so an interrupted run
 * still leaves what it measured, marked incomplete.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTimeline, toTimelineJson, type TimelineJson } from '../metrics/index.js';
import type { VariantRunRecord } from '../scenario/run-variant.js';
import type { Scenario } from '../scenario/schema.js';
import type { VariantSummary } from '../scenario/summarize.js';
import type { JourneySpread } from '../scenario/repeats.js';
import type { Verdict } from '../scenario/verdicts.js';
import type { RunEnvironment } from './environment.js';
import { TIMELINE_SCHEMA_VERSION } from './schemas/timeline-schema.js';

export interface RunParameters {
  readonly variants: readonly string[];
  readonly ratePerSecond: number;
  readonly seed: number;
  readonly timeScale: number;
  readonly suite?: string;
  /** How many times each variant ran (interleaved); 1 without `--repeat`. */
  readonly repeat?: number;
}

export interface RunFile {
  readonly schemaVersion: number;
  readonly scenario: Scenario;
  readonly parameters: RunParameters;
  readonly environment: RunEnvironment;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly wallMs: number;
  /** Sum of the variants' measurement windows: the part of the wall time that measured something. */
  readonly measuredMs: number;
  readonly complete: boolean;
  readonly variants: readonly VariantSummary[];
  readonly verdicts: readonly Verdict[];
  /** With `--repeat N`: repeats 2…N's summaries (repeat 1's are `variants`). */
  readonly repeats?: ReadonlyArray<readonly VariantSummary[]>;
  /** With `--repeat N`: per variant × journey, median, 95% CI and CV over the repeats. */
  readonly spread?: readonly JourneySpread[];
}

export type TimelineFile = Record<string, TimelineJson & { readonly faults: ReadonlyArray<{ kind: string; target: string; startMs: number; endMs: number }> }>;

export function writeRun(dir: string, run: RunFile, records: readonly VariantRunRecord[]): void {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(join(dir, 'run.json'), `${JSON.stringify(run, null, 1)}\n`);
  const timeline: TimelineFile = {};
  for (const record of records) {
    if (!record.window) continue;
    const bounds = { startMs: record.window.startMs - 2_000, endMs: record.window.endMs };
    const json = toTimelineJson(buildTimeline(record.runs, { bounds }), {
      events: record.events.filter((e) => e.tMs >= bounds.startMs && e.tMs <= bounds.endMs),
      fault: record.faults.length === 1 && record.faults[0] ? { startMs: record.faults[0].startMs, endMs: record.faults[0].endMs } : undefined,
    });
    timeline[record.variant] = {
      ...json,
      faults: record.faults.map((f) => ({ kind: f.spec.kind, target: f.spec.target, startMs: f.startMs - json.startMs, endMs: f.endMs - json.startMs })),
    };
    if (record.centralLogPath && existsSync(record.centralLogPath)) copyFileSync(record.centralLogPath, join(dir, 'logs', `${record.variant}.ndjson`));
  }
  writeFileSync(join(dir, 'timeline.json'), JSON.stringify({ schemaVersion: TIMELINE_SCHEMA_VERSION, variants: timeline }));
}
