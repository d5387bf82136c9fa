/** The release-cost table: per deploy, what each packaging redeployed, how long it took, what users saw. */
import type { RunFile } from '../../results/write-run.js';
import { html, type Html } from '../html.js';
import { variantChip } from './headline-cells.js';

export function releaseCostSection(run: RunFile): Html {
  const rows = run.variants.flatMap((v, index) => (v.deploys ?? []).map((d) => ({ v, index, d })));
  if (rows.length === 0) return html``;
  const kb = (bytes: number | null) => (bytes === null ? '–' : `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`);
  return html`<section id="release-cost"><h2>Release cost</h2>
<p class="intro">One change, deployed in each packaging. What was redeployed is derived from where the changed module lives: the whole shop in the monolith, the service hosting it in soa and in micro. A run is "slowed" when it answered but took longer than the scenario's p99 target; "failed" runs were not answered.</p>
<table><thead><tr><th>variant</th><th>component redeployed</th><th>version</th><th>strategy</th><th class="num">units</th><th class="num">processes restarted</th><th class="num">rebuilt unit</th><th class="num">duration</th><th class="num">failed runs</th><th class="num">slowed runs</th><th>journeys affected</th></tr></thead><tbody>
${rows.map(({ v, index, d }) => html`<tr><td>${variantChip(v.variant, index)}</td><td>${d.component}</td><td>${d.version}</td><td>${d.strategy}${d.drain ? ', drained' : ', no drain'}, grace ${d.graceMs} ms</td>
<td class="num">${d.unitsRedeployed}</td><td class="num">${d.processesRestarted}</td><td class="num">${kb(d.unitBytes)}</td>
<td class="num">${d.durationMs === null ? '–' : `${(d.durationMs / 1000).toFixed(1)} s`}</td>
<td class="num ${d.failedRuns === 0 ? 'ok' : 'bad'}">${d.failedRuns}</td><td class="num">${d.slowedRuns}</td><td>${d.journeysAffected.join(', ') || 'none'}</td></tr>`)}
</tbody></table></section>`;
}
