/**
 * Capacity as the search measured it, per variant: p99 and errors at every offered rate tried (sorted
 * by rate), and the search itself step by step (offered and achieved rate in the order tried). A
 * censored capacity is drawn dotted and labelled "≥ N/s (…)": the variant was not pushed until it broke.
 */
import { capacityLabel, capacitySteps, type Capacity } from '../../metrics/index.js';
import { round } from '../format.js';
import type { LoadedRun } from '../read-run.js';
import { variantColor } from '../palette.js';
import type { Figure, Marker } from './chart-spec.js';

export function capacityFigures({ run }: LoadedRun): Figure[] {
  const measured = run.variants.map((v, index) => ({ variant: v.variant, capacity: v.capacity, color: variantColor(v.variant, index) }))
    .filter((m): m is typeof m & { capacity: Capacity } => m.capacity !== null && capacitySteps(m.capacity).length > 0);
  if (measured.length === 0) return [];
  const slo = measured[0]?.capacity;
  const byRate = (c: Capacity) => [...capacitySteps(c)].sort((a, b) => a.ratePerSecond - b.ratePerSecond);
  const capacityMarkers = measured.flatMap(({ variant, capacity, color }): Marker[] => {
    const perSecond = capacity.capacityPerSecond;
    return typeof perSecond === 'number'
      ? [{ x: perSecond, color, label: `${variant} ${capacityLabel({ ...capacity, steps: capacitySteps(capacity) })}`, style: capacity.censored ? 'dotted' : 'dashed' }]
      : [];
  });
  const xLabel = 'offered rate (journey runs per second)';
  const figures: Figure[] = [{
    title: 'Capacity: p99 latency at each offered rate',
    caption: `Each point is one step. The horizontal line is the SLO (p99 at most ${slo?.sloP99Ms ?? '?'} ms); a vertical line marks each variant's capacity, the highest rate that kept it — dotted when the variant never broke it (a lower bound).`,
    spec: {
      kind: 'line', id: 'capacity-p99', xLabel, yLabel: 'p99 (ms)', yScale: 'log',
      series: measured.map(({ variant, capacity, color }) => ({
        label: variant, color,
        points: byRate(capacity).map((s) => [s.ratePerSecond, s.p99Ms === null ? null : Math.max(0.1, round(s.p99Ms, 1))] as const),
      })),
      bands: [], markers: capacityMarkers, guides: slo ? [{ y: slo.sloP99Ms, label: `SLO ${slo.sloP99Ms} ms` }] : [],
    },
  }, {
    title: 'Capacity: errors at each offered rate',
    caption: `Share of offered runs not answered at each step (failed, dropped or cut off). At or above the line (${round((slo?.maxErrorRate ?? 0) * 100, 2)}%) a step breaks the SLO whatever its latency.`,
    spec: {
      kind: 'line', id: 'capacity-errors', xLabel, yLabel: 'not answered (%)', yScale: 'linear', yMin: 0, yPercent: true,
      series: measured.map(({ variant, capacity, color }) => ({
        label: variant, color,
        points: byRate(capacity).map((s) => [s.ratePerSecond, s.errorRate === null ? null : round(s.errorRate * 100, 2)] as const),
      })),
      bands: [], markers: capacityMarkers, guides: slo ? [{ y: round(slo.maxErrorRate * 100, 2), label: `SLO ${round(slo.maxErrorRate * 100, 2)}%` }] : [],
    },
  }];
  const searched = measured.filter(({ capacity }) => capacity.method === 'search');
  if (searched.length > 0) figures.push(searchFigure(searched));
  return figures;
}

function searchFigure(searched: ReadonlyArray<{ variant: string; capacity: Capacity; color: string }>): Figure {
  const ceilings = searched.filter(({ capacity }) => capacity.generatorCeilingPerSecond !== null);
  return {
    title: 'Capacity: the search, step by step',
    caption: 'The rate offered at each step, in the order tried: doubling until a step broke the SLO, then halving the gap between the last rate that held and the first that broke. The thin line is the rate actually answered.',
    note: ceilings.length > 0 ? `Generator ceiling on this machine, for this mix: ${ceilings.map(({ variant, capacity }) => `${variant} ${capacity.generatorCeilingPerSecond}/s`).join(', ')}.` : undefined,
    spec: {
      kind: 'line', id: 'capacity-search', xLabel: 'step', yLabel: 'runs per second', yScale: 'log', xMin: 1,
      series: searched.flatMap(({ variant, capacity, color }) => [
        { label: `${variant} offered`, color, points: capacity.steps.map((s, i) => [i + 1, s.ratePerSecond] as const) },
        { label: `${variant} answered`, color, secondary: true, points: capacity.steps.map((s, i) => [i + 1, s.achievedPerSecond === undefined || s.achievedPerSecond === null ? null : Math.max(0.1, round(s.achievedPerSecond, 1))] as const) },
      ]),
      bands: [], markers: [], guides: [],
    },
  };
}
