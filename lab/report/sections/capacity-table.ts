/** The capacity steps as numbers, under the curves: one row per step in the order measured, one column per variant. */
import { capacityLabel, capacitySteps, type CapacityStep } from '../../metrics/index.js';
import type { RunFile } from '../../results/write-run.js';
import { formatMs, formatPercent, formatRate } from '../format.js';
import { html, type Html } from '../html.js';
import { variantChip } from './headline-cells.js';

export function capacityTable(run: RunFile): Html {
  const measured = run.variants.map((v, index) => ({ v, index, steps: v.capacity ? capacitySteps(v.capacity) : [] })).filter(({ steps }) => steps.length > 0);
  if (measured.length === 0) return html``;
  const rows = Math.max(...measured.map(({ steps }) => steps.length));
  return html`<table><thead><tr><th>step</th>${measured.map(({ v, index }) => html`<th>${variantChip(v.variant, index)} offered → p99 · not answered</th>`)}</tr></thead><tbody>
${Array.from({ length: rows }, (_, i) => html`<tr><th>${i + 1}</th>${measured.map(({ steps }) => stepCell(steps[i]))}</tr>`)}
<tr><th>capacity</th>${measured.map(({ v }) => html`<td><b>${v.capacity ? capacityLabel({ ...v.capacity, steps: capacitySteps(v.capacity) }) : 'n/a'}</b></td>`)}</tr>
</tbody></table>`;
}

function stepCell(step: CapacityStep | undefined): Html {
  if (!step) return html`<td class="muted"></td>`;
  const cls = step.withinSlo ? 'ok' : step.generatorLimited ? 'warn' : 'bad';
  const mark = step.withinSlo ? '✓' : step.generatorLimited ? '⊘ generator' : '✗';
  const answered = step.achievedPerSecond === undefined ? '' : ` · answered ${formatRate(step.achievedPerSecond)}`;
  return html`<td class="${cls}">${mark} ${step.ratePerSecond}/s → ${formatMs(step.p99Ms)} · ${formatPercent(step.errorRate)}${answered}</td>`;
}
