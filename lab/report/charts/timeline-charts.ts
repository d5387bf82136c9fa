/**
 * Availability and latency over time, one chart per journey with the variants overlaid, from
 * timeline.json. Time is in seconds since the measurement started, so a fault planned at 5 s sits at
 * 5 s for every variant; the fault windows are shaded and crashes, restarts and readiness are marked.
 */
import type { LoadedRun } from '../read-run.js';
import { round, slug } from '../format.js';
import { variantColor } from '../palette.js';
import type { Band, Figure, Marker, Series } from './chart-spec.js';
import type { TimelineFile } from '../../results/write-run.js';

type VariantTimeline = TimelineFile[string];
type Columns = VariantTimeline['journeys'][keyof VariantTimeline['journeys']];

/** Buckets are merged into points this long at least (readable from the back of a room)… */
const DISPLAY_STEP_MS = 500;
/** …and into fewer than this many points, so a long run still draws legibly. */
const MAX_POINTS = 400;
const X_LABEL = 'seconds since the measurement started';

interface Placed {
  readonly variant: string;
  readonly color: string;
  readonly timeline: VariantTimeline;
  /** Where the measurement started, in ms after the timeline's first bucket. */
  readonly offsetMs: number;
  readonly group: number;
}

export function timelineFigures(loaded: LoadedRun): { availability: Figure[]; latency: Figure[] } {
  const placed = placeTimelines(loaded);
  if (placed.length === 0) return { availability: [], latency: [] };
  const journeys = Object.keys(placed[0]?.timeline.journeys ?? {});
  const bands = faultBands(placed);
  const markers = placed.flatMap(lifecycleMarkers);
  const xMin = Math.min(...placed.map((p) => xOf(p, 0)));
  const xMax = Math.max(...placed.map((p) => xOf(p, p.timeline.buckets * p.timeline.bucketMs)));
  const stepS = (placed[0]?.timeline.bucketMs ?? 100) * (placed[0]?.group ?? 1) / 1000;
  const availability = journeys.map((journey): Figure => ({
    title: `Availability over time: ${journey}`,
    caption: bands.length > 0
      ? `Share of ${journey} runs answered in each ${stepS} s. Grey band: the fault; ✕ a crash, dashed: a restart, ✓ ready again. Look at how far each variant drops and how soon it comes back.`
      : `Share of ${journey} runs answered in each ${stepS} s; no fault was injected, so any dip is the variant struggling on its own.`,
    spec: {
      kind: 'line', id: `availability-${slug(journey)}`, xLabel: X_LABEL, xMin, xMax, yLabel: 'answered (%)', yScale: 'linear', yMin: 0, yMax: 100, yPercent: true,
      series: placed.map((p) => ({ label: p.variant, color: p.color, points: availabilityPoints(p, columnsOf(p, journey)) })),
      bands, markers, guides: [],
    },
  }));
  const latency = journeys.map((journey): Figure => ({
    title: `Latency over time: ${journey}`,
    caption: `Time to answer a ${journey} run, log scale, worst per ${stepS} s: solid p99, dashed p50.${bands.length > 0 ? ' A climb inside the grey band means requests waited on the fault.' : ''} A gap means nothing answered.`,
    spec: {
      kind: 'line', id: `latency-${slug(journey)}`, xLabel: X_LABEL, xMin, xMax, yLabel: 'latency (ms)', yScale: 'log',
      series: placed.flatMap((p): Series[] => {
        const columns = columnsOf(p, journey);
        return [
          { label: `${p.variant} p99`, color: p.color, points: latencyPoints(p, columns?.p99Ms) },
          { label: `${p.variant} p50`, color: p.color, dash: [5, 4], secondary: true, points: latencyPoints(p, columns?.p50Ms) },
        ];
      }),
      bands, markers, guides: [],
    },
  }));
  return { availability, latency };
}

function placeTimelines({ run, timeline }: LoadedRun): Placed[] {
  const order = [...run.variants.map((v) => v.variant as string), ...Object.keys(timeline)];
  return [...new Set(order)].flatMap((variant, index): Placed[] => {
    const entry = timeline[variant];
    if (!entry || entry.buckets === 0) return [];
    const window = run.variants.find((v) => v.variant === variant)?.throughput?.window;
    return [{
      variant, color: variantColor(variant, index), timeline: entry,
      offsetMs: window ? window.startMs - entry.startMs : 0,
      group: Math.max(1, Math.round(DISPLAY_STEP_MS / entry.bucketMs), Math.ceil(entry.buckets / MAX_POINTS)),
    }];
  });
}

function columnsOf(p: Placed, journey: string): Columns | undefined {
  return (p.timeline.journeys as Record<string, Columns | undefined>)[journey];
}

function xOf(p: Placed, tMs: number): number {
  return round((tMs - p.offsetMs) / 1000, 2);
}

function availabilityPoints(p: Placed, c: Columns | undefined): Array<[number, number | null]> {
  if (!c) return [];
  const points: Array<[number, number | null]> = [];
  const { bucketMs, buckets } = p.timeline;
  for (let i = 0; i < buckets; i += p.group) {
    let up = 0;
    let all = 0;
    for (let k = i; k < Math.min(buckets, i + p.group); k += 1) {
      const answered = (c.probe.ok[k] ?? 0) + (c.probe.degraded[k] ?? 0) + (c.load.ok[k] ?? 0) + (c.load.degraded[k] ?? 0);
      up += answered;
      all += answered + (c.probe.failed[k] ?? 0) + (c.load.failed[k] ?? 0);
    }
    points.push([xOf(p, (i + p.group / 2) * bucketMs), all === 0 ? null : round((100 * up) / all, 1)]);
  }
  return points;
}

function latencyPoints(p: Placed, values: ReadonlyArray<number | null> | undefined): Array<[number, number | null]> {
  if (!values) return [];
  const points: Array<[number, number | null]> = [];
  for (let i = 0; i < p.timeline.buckets; i += p.group) {
    const group = values.slice(i, i + p.group).filter((v): v is number => typeof v === 'number');
    const worst = group.length === 0 ? null : Math.max(0.1, round(Math.max(...group), 1));
    points.push([xOf(p, (i + p.group / 2) * p.timeline.bucketMs), worst]);
  }
  return points;
}

/** One band per fault window; windows that line up across variants are drawn once. */
function faultBands(placed: readonly Placed[]): Band[] {
  const byWindow = new Map<string, { fromX: number; toX: number; labels: Set<string> }>();
  for (const p of placed) {
    for (const f of p.timeline.faults ?? []) {
      const fromX = xOf(p, f.startMs);
      const toX = xOf(p, f.endMs);
      const key = `${Math.round(fromX * 2)}:${Math.round(toX * 2)}`;
      const band = byWindow.get(key) ?? { fromX, toX, labels: new Set<string>() };
      band.labels.add(`${f.kind} ${f.target}`);
      byWindow.set(key, band);
    }
  }
  return [...byWindow.values()].map((b) => ({ fromX: b.fromX, toX: b.toX, label: b.labels.size === 1 ? [...b.labels][0] ?? 'fault' : 'fault' }));
}

/**
 * Crashes, restarts, and readiness regained after a (re)start; the first start is not news. A crash
 * loop draws every line but names the component once: at its first crash (with the count) and at its
 * last return to ready.
 */
function lifecycleMarkers(p: Placed): Marker[] {
  const restarted = new Set<string>();
  const marks: Array<Marker & { who: string; kind: 'exited' | 'ready' | 'restarting' }> = [];
  for (const e of p.timeline.events) {
    const who = e.instance > 0 ? `${e.component}#${e.instance}` : e.component;
    const x = xOf(p, e.tMs);
    if (e.type === 'exited' || e.type === 'restarting' || e.type === 'starting') restarted.add(who);
    if (e.type === 'exited') marks.push({ x, color: p.color, label: '', style: 'solid', who, kind: 'exited' });
    if (e.type === 'restarting') marks.push({ x, color: p.color, label: '', style: 'dashed', who, kind: 'restarting' });
    if (e.type === 'ready' && restarted.has(who)) marks.push({ x, color: p.color, label: '', style: 'dotted', who, kind: 'ready' });
  }
  return marks.map(({ who, kind, ...marker }, i): Marker => {
    const mine = marks.filter((m) => m.who === who && m.kind === kind);
    if (kind === 'exited' && mine[0] === marks[i]) return { ...marker, label: `✕ ${who}${mine.length > 1 ? ` ×${mine.length}` : ''}` };
    if (kind === 'ready' && mine.at(-1) === marks[i]) return { ...marker, label: `✓ ${who}` };
    return marker;
  });
}
