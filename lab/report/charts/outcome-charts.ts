/** Downtime, time to recover and blast radius, the variants side by side, from run.json's summaries. */
import type { VariantSummary } from '../../scenario/summarize.js';
import { round } from '../format.js';
import type { LoadedRun } from '../read-run.js';
import { variantColor } from '../palette.js';
import type { Figure } from './chart-spec.js';

export function outcomeFigures({ run }: LoadedRun): Figure[] {
  const colored = run.variants.map((v, index) => ({ v, color: variantColor(v.variant, index) }));
  const faulted = colored.filter(({ v }) => v.faultWindow !== null && v.journeys.some((j) => j.downtime));
  const figures: Figure[] = [];
  if (faulted.length > 0) {
    const journeys = [...new Set(faulted.flatMap(({ v }) => v.journeys.map((j) => j.journey as string)))];
    const seconds = (v: VariantSummary, journey: string, pick: (d: NonNullable<VariantSummary['journeys'][number]['downtime']>) => number | null) => {
      const downtime = v.journeys.find((j) => j.journey === journey)?.downtime;
      const ms = downtime ? pick(downtime) : null;
      return ms === null ? null : round(ms / 1000, 2);
    };
    const never = faulted.flatMap(({ v }) => v.journeys.filter((j) => j.downtime && !j.downtime.recovered).map((j) => `${v.variant} ${j.journey}`));
    figures.push({
      title: 'Downtime per journey',
      caption: 'Seconds during which the probes of each journey failed, from the fault until it recovered for good. Shorter is better; zero means nobody noticed.',
      spec: {
        kind: 'bar', id: 'downtime', labels: journeys, yLabel: 'downtime (s)',
        datasets: faulted.map(({ v, color }) => ({ label: v.variant, color, values: journeys.map((j) => seconds(v, j, (d) => d.downtimeMs)) })),
      },
    }, {
      title: 'Time to recover per journey',
      caption: 'Seconds from the start of the fault until the journey answered for 1 s without a failure. The fault lasts as long as it lasts; what differs is how soon each variant is back.',
      note: never.length > 0 ? `Never recovered within the run (no bar): ${never.join(', ')}.` : undefined,
      spec: {
        kind: 'bar', id: 'time-to-recover', labels: journeys, yLabel: 'time to recover (s)',
        datasets: faulted.map(({ v, color }) => ({ label: v.variant, color, values: journeys.map((j) => seconds(v, j, (d) => d.timeToRecoverMs)) })),
      },
    });
  }
  const hit = colored.filter(({ v }) => v.blastRadius !== null);
  if (hit.length > 0) {
    figures.push({
      title: 'Blast radius',
      caption: 'How much of the shop the fault took with it: the share of journeys, and of traffic, whose availability fell below 99% during the fault. Lower is better.',
      spec: {
        kind: 'bar', id: 'blast-radius', labels: ['journeys hit', 'traffic hit'], yLabel: 'share hit (%)', yPercent: true, yMax: 100,
        datasets: hit.map(({ v, color }) => ({
          label: v.variant, color,
          values: [round((v.blastRadius?.share ?? 0) * 100, 1), round((v.blastRadius?.weightedShare ?? 0) * 100, 1)],
        })),
      },
    });
  }
  return figures;
}
