/** The integrity table: after the run quiesced, what the stores say about every acknowledged order. */
import type { RunFile } from '../../results/write-run.js';
import type { VariantSummary } from '../../scenario/summarize.js';
import { html, type Html } from '../html.js';
import type { IntegrityIssue } from '../../integrity/issue.js';
import { variantChip } from './headline-cells.js';

type Integrity = NonNullable<VariantSummary['integrity']>;

const ISSUES: ReadonlyArray<readonly [string, (i: Integrity) => IntegrityIssue]> = [
  ['orders lost (acknowledged, not stored)', (i) => i.missingOrders],
  ['orders duplicated', (i) => i.duplicateOrders],
  ['stock drift (products that do not add up)', (i) => i.stockMismatches],
  ['reservations left hanging', (i) => i.stuckReservations],
  ['events not applied: inventory', (i) => i.eventsNotApplied.inventory],
  ['events not applied: recommendations', (i) => i.eventsNotApplied.recommendations],
  ['events still in the outbox', (i) => i.outboxPending],
];

export function integritySection(run: RunFile): Html {
  const checked = run.variants.map((v, index) => ({ v, index })).filter(({ v }) => v.integrity);
  if (checked.length === 0) return html``;
  const cell = (issue: IntegrityIssue): Html => issue.count === 0
    ? html`<td class="ok num">0</td>`
    : html`<td class="bad num">${issue.count}${issue.examples.length > 0 ? html`<div class="examples">e.g. ${issue.examples.slice(0, 3).join(', ')}</div>` : ''}</td>`;
  return html`<section id="integrity"><h2>Integrity</h2>
<p class="intro">After the load stopped and the system went quiet, the lab read every store. The target is zero everywhere: an order the client was told about must exist once, and stock must add up.</p>
<table><thead><tr><th>check</th>${checked.map(({ v, index }) => html`<th>${variantChip(v.variant, index)}</th>`)}</tr></thead><tbody>
<tr><th>orders acknowledged to clients</th>${checked.map(({ v }) => html`<td class="num">${v.integrity?.acknowledgedOrders}</td>`)}</tr>
<tr><th>orders stored</th>${checked.map(({ v }) => html`<td class="num">${v.integrity?.storedOrders}</td>`)}</tr>
${ISSUES.map(([label, pick]) => html`<tr><th>${label}</th>${checked.map(({ v }) => cell(pick(v.integrity as Integrity)))}</tr>`)}
<tr><th>system went quiet before the check</th>${checked.map(({ v }) => {
    const i = v.integrity as Integrity & { quiesced?: boolean; quiesceWaitedMs?: number };
    return i.quiesced === undefined ? html`<td class="muted">n/a</td>` : html`<td class="${i.quiesced ? 'ok' : 'warn'}">${i.quiesced ? 'yes' : 'no'}${typeof i.quiesceWaitedMs === 'number' ? ` (${Math.round(i.quiesceWaitedMs)} ms)` : ''}</td>`;
  })}</tr>
<tr><th>verdict</th>${checked.map(({ v }) => html`<td class="${v.integrity?.clean ? 'ok' : 'bad'}"><b>${v.integrity?.clean ? 'clean' : 'NOT clean'}</b></td>`)}</tr>
</tbody></table></section>`;
}
