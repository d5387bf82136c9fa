/**
 * With `--repeat N`: every repeat as a dot, per journey and variant side by side, so a reader sees the
 * spread behind each median instead of one number that looks exact.
 */
import type { JourneySpread } from '../../scenario/repeats.js';
import type { LoadedRun } from '../read-run.js';
import { variantColor } from '../palette.js';
import type { Figure } from './chart-spec.js';

type Pick = (s: JourneySpread) => JourneySpread['downtimeMs'];

const METRICS: ReadonlyArray<{ id: string; title: string; yLabel: string; pick: Pick; scale: number; caption: string }> = [
  { id: 'spread-downtime', title: 'Downtime in each repeat', yLabel: 'downtime (s)', pick: (s) => s.downtimeMs, scale: 1 / 1000,
    caption: 'One dot per repeat; the variants side by side within each journey. Dots far apart mean one run would not have told the story.' },
  { id: 'spread-availability', title: 'Availability during the fault in each repeat', yLabel: 'answered in the fault window (%)', pick: (s) => s.faultWindowAvailability, scale: 100,
    caption: 'One dot per repeat: the share of journey runs answered while the fault lasted.' },
  { id: 'spread-p99', title: 'p99 latency in each repeat', yLabel: 'p99 (ms)', pick: (s) => s.p99Ms, scale: 1,
    caption: 'One dot per repeat: p99 during the fault (or over the steady window when there was none).' },
];

export function spreadFigures({ run }: LoadedRun): Figure[] {
  const spread = run.spread ?? [];
  if (spread.length === 0) return [];
  const variants = [...new Set(spread.map((s) => s.variant))];
  const journeys = [...new Set(spread.map((s) => s.journey as string))];
  const offset = (v: number) => (variants.length === 1 ? 0 : (v / (variants.length - 1) - 0.5) * 0.5);
  return METRICS.flatMap((metric): Figure[] => {
    if (!spread.some((s) => metric.pick(s))) return [];
    return [{
      title: metric.title,
      caption: metric.caption,
      spec: {
        kind: 'line', id: metric.id, xLabel: 'journey', yLabel: metric.yLabel, yScale: 'linear', yMin: 0, xMin: -0.5, xMax: journeys.length - 0.5,
        xTickLabels: journeys, bands: [], markers: [], guides: [],
        series: variants.map((variant, v) => ({
          label: variant, color: variantColor(variant, run.variants.findIndex((x) => x.variant === variant)), dots: true,
          points: spread.filter((s) => s.variant === variant).flatMap((s) =>
            (metric.pick(s)?.values ?? []).map((value) => [journeys.indexOf(s.journey) + offset(v), Math.round(value * metric.scale * 100) / 100] as const)),
        })),
      },
    }];
  });
}
