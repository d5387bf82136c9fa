/**
 * The scale-out section: the two charts, one table row per variant and replica count, each scale
 * command's time to traffic, and what the machine's cores allow — said, not hidden.
 */
import type { RunFile } from '../../results/write-run.js';
import { scaledVariants, scalingFigures } from '../charts/scaling-charts.js';
import type { Figure } from '../charts/chart-spec.js';
import { capacityLabel } from '../../metrics/index.js';
import { formatMs } from '../format.js';
import { html, type Html } from '../html.js';
import { figureHtml } from './figures.js';
import { variantChip } from './headline-cells.js';

export function scalingSection(run: RunFile, figures: readonly Figure[] = scalingFigures(run)): Html {
  const measured = scaledVariants(run);
  if (measured.length === 0) return html``;
  return html`<section id="scaling"><h2>Scaling out</h2>
<p class="intro">${coreBound(run)}</p>
<div class="grid">${figures.map((f) => figureHtml(f))}</div>
${scalingTable(run)}</section>`;
}

/** One sentence on the bound, from the machine's CPU count and the speedups measured. */
export function coreBound(run: RunFile): string {
  const cpus = run.environment.cpus;
  const speedups = scaledVariants(run).map(({ variant, scaling }) => {
    const { speedup, lowerBound } = scaling.figures;
    const counts = scaling.levels.map((l) => l.replicas);
    return `${variant} ${speedup === null ? 'n/a' : `${lowerBound ? '≥ ' : ''}×${speedup.toFixed(2)}`} at ${Math.max(...counts)} replicas`;
  });
  return `This machine has ${cpus} CPU${cpus === 1 ? '' : 's'}. A replica is one Node.js process, which computes on one core at a time, and the replicas share the cores with the rest of the variant (edge, brokers) and with the lab's own load generator. So however many replicas run, search capacity cannot grow more than ×${cpus} over one replica here, and in practice less: measured, ${speedups.join(', ')}. Replicas beyond ${cpus} add memory, not capacity; on a machine with more cores the same scenario would show more gain.`;
}

export function scalingTable(run: RunFile): Html {
  const measured = scaledVariants(run);
  return html`<table><thead><tr><th>variant</th><th>replicas of</th><th>replicas</th><th>capacity</th><th>resident memory</th><th>gained per added replica</th><th>MB per added replica (variant total)</th><th>searches/s per added MB</th><th>time to traffic</th></tr></thead><tbody>
${measured.flatMap(({ variant, scaling }, index) => {
    const levels = [...scaling.levels].sort((a, b) => a.replicas - b.replicas);
    return levels.map((level, i) => {
      const step = scaling.figures.steps.find((s) => s.toReplicas === level.replicas);
      const commands = scaling.commands.filter((c) => c.toReplicas <= level.replicas && c.toReplicas > (levels[i - 1]?.replicas ?? Infinity));
      return html`<tr><td>${i === 0 ? variantChip(variant, index) : ''}</td><td>${i === 0 ? scaling.component : ''}</td><td>${level.replicas}</td>
<td>${capacityLabel(level.capacity)}</td><td>${level.memory.totalMb.toFixed(0)} MB</td>
<td>${step ? perSecond(step.addedPerSecond) : '—'}</td><td>${step ? `${(step.addedMb / (step.toReplicas - step.fromReplicas)).toFixed(0)} MB` : '—'}</td>
<td>${step && step.addedPerSecond !== null && step.addedMb > 0 ? (step.addedPerSecond / step.addedMb).toFixed(2) : '—'}</td>
<td>${commands.length === 0 ? '—' : commands.map((c) => `${c.firstCallAfterMs === null ? 'none seen' : formatMs(c.firstCallAfterMs)} (ready ${formatMs(c.readyAfterMs)})`).join(', ')}</td></tr>`;
    });
  })}
${measured.map(({ variant, scaling }, index) => {
    const f = scaling.figures;
    const bound = f.lowerBound ? '≥ ' : '';
    return html`<tr><th>${variantChip(variant, index)} overall</th><td colspan="4">speedup ${f.speedup === null ? 'n/a' : `${bound}×${f.speedup.toFixed(2)}`}</td>
<td>${f.capacityPerAddedReplica === null ? 'n/a' : `${bound}${perSecond(f.capacityPerAddedReplica)}`}</td><td>${f.mbPerAddedReplica === null ? 'n/a' : `${f.mbPerAddedReplica.toFixed(0)} MB`}</td>
<td>${f.capacityPerAddedMb === null ? 'n/a' : f.capacityPerAddedMb.toFixed(2)}</td><td>one ${scaling.component}: ${f.mbPerReplica === null ? 'n/a' : `${f.mbPerReplica.toFixed(0)} MB`}</td></tr>`;
  })}
</tbody></table>
<p class="note">Capacity: the highest search rate with p99 within the SLO and under 1% unanswered, found by a search of short steps at each replica count. Resident memory: the sum of VmRSS of every process of the variant (shared pages count once per process), read after each search; the difference between two readings also holds every other process's heap growing or shrinking, so the last row gives what one replica holds itself. Time to traffic: from the scale command until the new replica logged its first answered search (start-up, readiness, discovery and the first request it got), under light traffic.</p>`;
}

function perSecond(value: number | null): string {
  return value === null ? 'n/a' : `${value > 0 ? '+' : ''}${value.toFixed(1)}/s`;
}
