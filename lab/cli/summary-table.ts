/** The table a finished run prints: variant × journey with downtime, availability, p99 and verdicts. */
import type { RunFile } from '../results/write-run.js';
import { capacityLabel } from '../metrics/index.js';
import type { Spread } from '../metrics/spread.js';
import { percent, type VariantSummary } from '../scenario/summarize.js';
import type { Verdict } from '../scenario/verdicts.js';
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
  return [table, '', ...(run.spread ? [spreadTable(run), ''] : []), ...notes(run)].join('\n');
}

/** With `--repeat N`: medians with their 95% interval, and the coefficient of variation. */
function spreadTable(run: RunFile): string {
  const cell = (s: Spread | null, format: (n: number) => string) =>
    s ? `${format(s.median)} [${format(s.ci95[0])}–${format(s.ci95[1])}]${s.cv !== null ? ` cv ${s.cv.toFixed(2)}` : ''}` : '-';
  const rows = (run.spread ?? []).map((s) => [
    s.variant, s.journey, cell(s.downtimeMs, ms), cell(s.timeToRecoverMs, ms), cell(s.faultWindowAvailability, (n) => percent(n)), cell(s.p99Ms, ms),
  ]);
  const title = `over ${run.parameters.repeat ?? 1} repeats: median [95% CI] and coefficient of variation`;
  return `${title}\n${formatTable(['variant', 'journey', 'downtime', 'recovered after', 'avail (fault)', 'p99 (fault, else steady)'], rows)}`;
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

/** `catalog ×1 85/s 780 MB, ×2 …; speedup ×1.41; +30.0/s and 90 MB per added replica; time to traffic 1.0 s, 1.2 s`. */
function scalingLine(scaling: NonNullable<RunFile['variants'][number]['scaling']>): string {
  const levels = scaling.levels.map((l) => `×${l.replicas} ${capacityLabel(l.capacity)} ${l.memory.totalMb.toFixed(0)} MB`).join(', ');
  const f = scaling.figures;
  const gain = f.capacityPerAddedReplica === null ? 'n/a' : `${f.capacityPerAddedReplica >= 0 ? '+' : ''}${f.capacityPerAddedReplica.toFixed(1)}/s`;
  const traffic = scaling.commands.map((c) => (c.firstCallAfterMs === null ? 'none seen' : `${(c.firstCallAfterMs / 1000).toFixed(1)} s`)).join(', ');
  return `${scaling.component} ${levels}; speedup ${f.speedup === null ? 'n/a' : `×${f.speedup.toFixed(2)}`}; ${gain} and ${f.mbPerAddedReplica?.toFixed(0) ?? '?'} MB per added replica; time to traffic ${traffic || 'n/a'}`;
}

function notes(run: RunFile): string[] {
  const extra = run.variants.map((v) => {
    const parts = [`${v.variant}:`];
    if (v.blastRadius) parts.push(`blast radius ${v.blastRadius.hit.length}/4 journeys (${percent(v.blastRadius.weightedShare)} of traffic)`);
    if (v.matrix) parts.push(`single points of failure: ${v.matrix.singlePointsOfFailure.join(', ') || 'none'}`);
    if (v.capacity) parts.push(`capacity ${capacityLabel(v.capacity)} at p99 ≤ ${v.capacity.sloP99Ms} ms`);
    if (v.scaling) parts.push(scalingLine(v.scaling));
    if (v.integrity) {
      const i = v.integrity;
      parts.push(`integrity: ${i.acknowledgedOrders} acknowledged, ${i.missingOrders.count} lost, ${i.duplicateOrders.count} duplicated, ${i.stockMismatches.count} stock mismatches, ${i.eventsNotApplied.inventory.count + i.eventsNotApplied.recommendations.count} events not applied`);
    }
    for (const d of v.deploys ?? []) {
      parts.push(`deploy ${d.component} → ${d.version} (${d.strategy}): ${d.processesRestarted} process(es) restarted in ${d.durationMs === null ? '?' : `${(d.durationMs / 1000).toFixed(1)} s`}, unit ${d.unitBytes === null ? '?' : `${Math.round(d.unitBytes / 1024)} KB`}, ${d.failedRuns} failed and ${d.slowedRuns} slowed runs meanwhile`);
    }
    if (v.contracts) parts.push(contractLine(v.contracts));
    if (v.traffic) parts.push(`traffic: load ${v.traffic.loadRunsPerSecond.toFixed(1)}/s, probes ${v.traffic.probeRunsPerSecond.toFixed(1)}/s`);
    if (v.error) parts.push(`ERROR: ${v.error}`);
    return parts.join('  ');
  });
  const quiet = run.variants.flatMap((v) => quietLines(v));
  const verdicts = run.verdicts.flatMap((v) => [
    `${STATUS_WORDS[v.status].padEnd(12)}  ${v.variant}: ${v.statement}${v.repeats ? `  (${repeatCounts(v.repeats)})` : ''}`,
    ...(v.status !== 'held' && v.reason ? [`              ${v.reason}`] : []),
  ]);
  return [...extra, ...(quiet.length > 0 ? ['', ...quiet] : []), '', ...verdicts];
}

/** "3 repeats: held 1, not held 2" — only the outcomes that happened. */
function repeatCounts(r: NonNullable<Verdict['repeats']>): string {
  const parts = [['held', r.held], ['not held', r.notHeld], ['deviated', r.deviated], ['inconclusive', r.inconclusive]] as const;
  return `${r.total} repeats: ${parts.filter(([, n]) => n > 0).map(([word, n]) => `${word} ${n}`).join(', ')}`;
}

const STATUS_WORDS: Record<Verdict['status'], string> = { held: 'HELD', 'not-held': 'NOT HELD', inconclusive: 'INCONCLUSIVE', deviated: 'DEVIATED' };

/** The ground the verdicts stand on: steady state and the machine's quiet, one line each when in doubt. */
function quietLines(v: VariantSummary): string[] {
  const lines: string[] = [];
  const { before, after } = v.steadyState ?? { before: null, after: null };
  if (before && !before.met) lines.push(`${v.variant}: steady state NOT met before the fault, no fault injected: ${before.reasons.join('; ')}`);
  if (after && !after.met) lines.push(`${v.variant}: not back to steady state after healing: ${after.reasons.join('; ')}`);
  if (v.noise?.inconclusive) lines.push(`${v.variant}: machine too busy to trust: ${v.noise.reasons.join('; ')}`);
  return lines;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** `skew: 12 parked, 30 replayed, 40 refused, 0 still parked; 41 of 300 runs failed in the mixed-version window`. */
function contractLine(c: NonNullable<RunFile['variants'][number]['contracts']>): string {
  const sum = (pick: (q: (typeof c.quadrants)[number]) => number) => c.quadrants.reduce((n, q) => n + pick(q), 0);
  const mixed = c.quadrants.filter((q) => q.producer !== q.consumer).reduce((n, q) => n + q.read + q.parked + q.rejected, 0);
  if (c.consumersSeen.length === 0) return `contracts: no contract between processes (one build); ${c.failedInWindow} of ${c.runsInWindow} runs failed in the version window`;
  return `contracts: ${mixed} mixed-version messages, ${sum((q) => q.parked)} parked, ${sum((q) => q.replayed)} replayed, ${sum((q) => q.rejected)} refused, ${c.stillParked} still parked; ` +
    `${c.failedInWindow} of ${c.runsInWindow} runs failed in the mixed-version window`;
}
