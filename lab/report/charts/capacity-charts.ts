/** Capacity curves of a ramp: offered rate against p99 and against the error rate, per variant. */
import { round } from '../format.js';
import type { LoadedRun } from '../read-run.js';
import { variantColor } from '../palette.js';
import type { Figure, Marker } from './chart-spec.js';

export function capacityFigures({ run }: LoadedRun): Figure[] {
  const ramps = run.variants.map((v, index) => ({ v, color: variantColor(v.variant, index) })).filter(({ v }) => v.capacity && v.capacity.stages.length > 0);
  if (ramps.length === 0) return [];
  const slo = ramps[0]?.v.capacity;
  const capacityMarkers = ramps.flatMap(({ v, color }): Marker[] => {
    const perSecond = v.capacity?.capacityPerSecond;
    return typeof perSecond === 'number' ? [{ x: perSecond, color, label: `${v.variant} ${perSecond}/s`, style: 'dashed' }] : [];
  });
  const xLabel = 'offered rate (requests per second)';
  return [{
    title: 'Capacity: p99 latency as the rate climbs',
    caption: `Each point is one ramp stage. The horizontal line is the SLO (p99 under ${slo?.sloP99Ms ?? '?'} ms); a dashed vertical line marks each variant's capacity, the highest rate that kept it.`,
    spec: {
      kind: 'line', id: 'capacity-p99', xLabel, yLabel: 'p99 (ms)', yScale: 'log',
      series: ramps.map(({ v, color }) => ({
        label: v.variant, color,
        points: (v.capacity?.stages ?? []).map((s) => [s.ratePerSecond, s.p99Ms === null ? null : Math.max(0.1, round(s.p99Ms, 1))] as const),
      })),
      bands: [], markers: capacityMarkers, guides: slo ? [{ y: slo.sloP99Ms, label: `SLO ${slo.sloP99Ms} ms` }] : [],
    },
  }, {
    title: 'Capacity: errors as the rate climbs',
    caption: `Share of runs that failed at each stage. Above the line (${round((slo?.maxErrorRate ?? 0) * 100, 2)}%) a stage breaks the SLO whatever its latency.`,
    spec: {
      kind: 'line', id: 'capacity-errors', xLabel, yLabel: 'failed (%)', yScale: 'linear', yMin: 0, yPercent: true,
      series: ramps.map(({ v, color }) => ({
        label: v.variant, color,
        points: (v.capacity?.stages ?? []).map((s) => [s.ratePerSecond, s.errorRate === null ? null : round(s.errorRate * 100, 2)] as const),
      })),
      bands: [], markers: capacityMarkers, guides: slo ? [{ y: round(slo.maxErrorRate * 100, 2), label: `SLO ${round(slo.maxErrorRate * 100, 2)}%` }] : [],
    },
  }];
}
