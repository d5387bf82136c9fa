/**
 * The release-cost table: per deploy, what each packaging redeployed, how long it took, what users saw;
 * then each deploy's timeline, one per variant.
 */
import type { RunFile } from '../../results/write-run.js';
import { html, type Html } from '../html.js';
import { deployFacts } from './deploy-facts.js';
import { DEPLOY_TIMELINE_KEY, deployTimelineFigure } from './deploy-timeline-figure.js';
import { variantChip } from './headline-cells.js';

export function releaseCostSection(run: RunFile): Html {
  const rows = run.variants.flatMap((v, index) => (v.deploys ?? []).map((d) => ({ v, index, d, facts: deployFacts(d) })));
  if (rows.length === 0) return html``;
  return html`<section id="release-cost"><h2>Release cost</h2>
<p class="intro">One change, deployed in each packaging. What was redeployed is derived from where the changed module lives: the whole shop in the monolith, the service hosting it in soa and in micro. A run is "slowed" when it answered but took longer than the scenario's p99 target; "failed" runs were not answered.</p>
<table><thead><tr><th>variant</th>${rows[0]!.facts.map((f) => html`<th class="${f.cls.includes('num') ? 'num' : ''}">${f.label}</th>`)}</tr></thead><tbody>
${rows.map(({ v, index, facts }) => html`<tr><td>${variantChip(v.variant, index)}</td>${facts.map((f) => html`<td class="${f.cls}">${f.text}</td>`)}</tr>`)}
</tbody></table>
<h3>How each rollout went, replica by replica</h3>
<p class="intro">${DEPLOY_TIMELINE_KEY}</p>
<div class="deploy-timelines">${rows.map(({ v, index, d }) => deployTimelineFigure(v.variant, index, d, `deploy-${v.variant}-${(v.deploys ?? []).indexOf(d) + 1}`))}</div></section>`;
}
