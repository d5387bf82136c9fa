/** The ramp's stages as numbers, under the capacity curves. */
import type { RunFile } from '../../results/write-run.js';
import { formatMs, formatPercent } from '../format.js';
import { html, type Html } from '../html.js';
import { variantChip } from './headline-cells.js';

export function capacityTable(run: RunFile): Html {
  const ramps = run.variants.map((v, index) => ({ v, index })).filter(({ v }) => v.capacity && v.capacity.stages.length > 0);
  if (ramps.length === 0) return html``;
  const rates = [...new Set(ramps.flatMap(({ v }) => (v.capacity?.stages ?? []).map((s) => s.ratePerSecond)))].sort((a, b) => a - b);
  return html`<table><thead><tr><th>offered rate</th>${ramps.map(({ v, index }) => html`<th>${variantChip(v.variant, index)} p99 · failed</th>`)}</tr></thead><tbody>
${rates.map((rate) => html`<tr><th>${rate}/s</th>${ramps.map(({ v }) => {
    const stage = v.capacity?.stages.find((s) => s.ratePerSecond === rate);
    if (!stage) return html`<td class="muted">n/a</td>`;
    return html`<td class="${stage.withinSlo ? 'ok' : 'bad'}">${stage.withinSlo ? '✓' : '✗'} ${formatMs(stage.p99Ms)} · ${formatPercent(stage.errorRate)}</td>`;
  })}</tr>`)}
<tr><th>capacity</th>${ramps.map(({ v }) => html`<td><b>${v.capacity?.capacityPerSecond === null ? 'below the first stage' : `${v.capacity?.capacityPerSecond}/s`}</b></td>`)}</tr>
</tbody></table>`;
}
