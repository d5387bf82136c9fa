/**
 * A scale-out, per variant: capacity at each replica count (beside the most the machine's cores allow:
 * the one-replica capacity times min(replicas, cores)) and the resident memory of all its processes.
 * From run.json alone, so the compare page draws the same charts.
 */
import type { RunFile } from '../../results/write-run.js';
import { round } from '../format.js';
import { variantColor } from '../palette.js';
import type { Figure } from './chart-spec.js';

export function scalingFigures(run: RunFile, idPrefix = ''): Figure[] {
  const measured = scaledVariants(run);
  if (measured.length === 0) return [];
  const counts = [...new Set(measured.flatMap(({ scaling }) => scaling.levels.map((l) => l.replicas)))].sort((a, b) => a - b);
  const cpus = run.environment.cpus;
  const xLabel = 'replicas of whatever hosts search';
  // Whole replica counts only: one named tick per count measured.
  const xRange = { xMin: counts[0], xMax: counts.at(-1), xTickLabels: Array.from({ length: (counts.at(-1) ?? 0) + 1 }, (_, i) => (counts.includes(i) ? String(i) : '')) };
  return [{
    title: 'Capacity vs replicas',
    caption: `The highest search rate that kept the SLO at each replica count (the table marks a lower bound with ≥). Dashed: the one-replica capacity times min(replicas, ${cpus}), the most ${cpus} cores allow if nothing else needed CPU.`,
    spec: {
      kind: 'line', id: `${idPrefix}scaling-capacity`, xLabel, yLabel: 'capacity (searches per second)', yScale: 'linear', yMin: 0, ...xRange,
      series: measured.flatMap(({ variant, scaling, color }) => {
        const levels = [...scaling.levels].sort((a, b) => a.replicas - b.replicas);
        const base = levels[0]?.capacity.capacityPerSecond ?? null;
        return [
          { label: variant, color, points: levels.map((l) => [l.replicas, l.capacity.capacityPerSecond] as const) },
          { label: `${variant}: bound by ${cpus} cores`, color, dash: [6, 4], secondary: true, points: levels.map((l) => [l.replicas, base === null ? null : round(base * Math.min(l.replicas / levels[0]!.replicas, cpus), 1)] as const) },
        ];
      }),
      bands: [], markers: [], guides: [],
    },
  }, {
    title: 'Resident memory vs replicas',
    caption: 'The VmRSS of every process of the variant (each replica, the brokers, HAProxy where there is one), read after the capacity search at each replica count.',
    spec: {
      kind: 'line', id: `${idPrefix}scaling-memory`, xLabel, yLabel: 'resident memory (MB)', yScale: 'linear', yMin: 0, ...xRange,
      series: measured.map(({ variant, scaling, color }) => ({
        label: variant, color, points: [...scaling.levels].sort((a, b) => a.replicas - b.replicas).map((l) => [l.replicas, round(l.memory.totalMb, 1)] as const),
      })),
      bands: [], markers: [], guides: [],
    },
  }];
}

type Scaled = NonNullable<RunFile['variants'][number]['scaling']>;

export function scaledVariants(run: RunFile): Array<{ variant: string; scaling: Scaled; color: string }> {
  return run.variants.flatMap((v, index) => (v.scaling && v.scaling.levels.length > 0 ? [{ variant: v.variant, scaling: v.scaling, color: variantColor(v.variant, index) }] : []));
}
