/** The table a finished run prints: variant × journey with downtime, availability, p99 and verdicts. */
import type { RunFile } from '../results/write-run.js';
import { percent } from '../scenario/summarize.js';
import { formatTable } from './table.js';

export function summaryTable(run: RunFile): string {
  if (run.variants.some((v) => v.matrix)) return [sweepTable(run), '', ...notes(run)].join('\n');
  const rows = run.variants.flatMap((v) => v.journeys.map((j) => [
    v.variant,
    j.journey,
    j.effect + (j.predicted && j.predicted !== j.effect ? ` (predicted ${j.predicted})` : ''),
    v.faultWindow && j.downtime ? ms(j.downtime.downtimeMs) : '-',
    typeof j.downtime?.timeToRecoverMs === 'number' ? ms(j.downtime.timeToRecoverMs) : j.downtime && !j.downtime.recovered && v.faultWindow ? 'never' : '-',
    percent(j.availability?.faultWindow?.all.availability),
    percent(j.availability?.overall.all.availability),
    j.latency.steady ? ms(j.latency.steady.p99Ms) : '-',
    j.latency.faultWindow ? ms(j.latency.faultWindow.p99Ms) : '-',
  ]));
  const table = formatTable(['variant', 'journey', 'effect', 'downtime', 'recovered after', 'avail (fault)', 'avail (all)', 'p99 steady', 'p99 fault'], rows);
  return [table, '', ...notes(run)].join('\n');
}

/** A sweep: each component broken in turn, and each journey's availability while it was. */
function sweepTable(run: RunFile): string {
  const rows = run.variants.flatMap((v) => (v.matrix ? v.matrix.components.map((component) => [
    v.variant,
    component + (v.matrix!.singlePointsOfFailure.includes(component) ? '  (SPOF)' : ''),
    ...v.matrix!.journeys.map((journey) => percent(v.matrix!.rows[component]?.[journey])),
  ]) : []));
  return formatTable(['variant', 'component broken', 'browse', 'product', 'cart', 'checkout'], rows);
}

function notes(run: RunFile): string[] {
  const extra = run.variants.map((v) => {
    const parts = [`${v.variant}:`];
    if (v.blastRadius) parts.push(`blast radius ${v.blastRadius.hit.length}/4 journeys (${percent(v.blastRadius.weightedShare)} of traffic)`);
    if (v.matrix) parts.push(`single points of failure: ${v.matrix.singlePointsOfFailure.join(', ') || 'none'}`);
    if (v.capacity) parts.push(`capacity ${v.capacity.capacityPerSecond ?? '< first stage'}/s at p99 < ${v.capacity.sloP99Ms} ms`);
    if (v.integrity) {
      const i = v.integrity;
      parts.push(`integrity: ${i.acknowledgedOrders} acknowledged, ${i.missingOrders.count} lost, ${i.duplicateOrders.count} duplicated, ${i.stockMismatches.count} stock mismatches, ${i.eventsNotApplied.inventory.count + i.eventsNotApplied.recommendations.count} events not applied`);
    }
    if (v.error) parts.push(`ERROR: ${v.error}`);
    return parts.join('  ');
  });
  const verdicts = run.verdicts.map((v) => `${v.held === null ? 'untested' : v.held ? 'HELD    ' : 'NOT HELD'}  ${v.variant}: ${v.statement}`);
  return [...extra, '', ...verdicts];
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
