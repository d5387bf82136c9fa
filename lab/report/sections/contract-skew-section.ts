/**
 * The version-skew quadrant table: per variant and contract, every message read during the run by
 * old/new producer × old/new consumer, with what became of it (read, parked, replayed, refused), how
 * many soa's ESB translated, what stayed parked, and the runs that failed in the mixed-version window.
 */
import type { RunFile } from '../../results/write-run.js';
import { html, type Html } from '../html.js';
import { variantChip } from './headline-cells.js';

type Variant = RunFile['variants'][number];

export function contractSkewSection(run: RunFile): Html {
  if (!run.variants.some((v) => v.contracts)) return html``;
  return html`<section id="version-skew"><h2>Version skew</h2>
<p class="intro">Each message sent under a contract between processes (the OrderPlaced event, the payment API), counted by who wrote it and who read it: "old" is version v1, "new" the version being rolled out. A mixed quadrant (old → new, new → old) is where a breaking change bites. An event its reader cannot read is parked, not dropped, and replayed once a reader that can read it runs; a request is refused, and its checkout fails.</p>
${contractSkewTable(run.variants)}</section>`;
}

/** The table itself, for the report and compare.html. */
export function contractSkewTable(variants: readonly Variant[]): Html {
  const rows = variants.flatMap((v, index) => (v.contracts ? [{ v, index, c: v.contracts }] : []));
  return html`<table class="skew"><thead><tr><th>variant</th><th>contract</th><th>producer → consumer</th><th class="num">read</th><th class="num">parked</th><th class="num">replayed</th><th class="num">refused</th><th class="num">translated by the ESB</th></tr></thead><tbody>
${rows.map(({ v, index, c }) => (c.consumersSeen.length === 0
    ? html`<tr><td>${variantChip(v.variant, index)}</td><td colspan="7">no contract between processes: producer and consumers are one build, replaced together</td></tr>`
    : c.quadrants.filter((q) => q.read + q.parked + q.replayed + q.rejected > 0).map((q) => {
      const mixed = q.producer !== q.consumer;
      return html`<tr${mixed ? html` class="mixed"` : ''}><td>${variantChip(v.variant, index)}</td><td>${q.contract}</td><td>${q.producer} → ${q.consumer}</td>
<td class="num">${q.read}</td><td class="num ${q.parked > 0 ? 'bad' : ''}">${q.parked}</td><td class="num">${q.replayed}</td><td class="num ${q.rejected > 0 ? 'bad' : 'ok'}">${q.rejected}</td><td class="num">${q.translated}</td></tr>`;
    })))}
</tbody></table>
<ul class="skew-notes">${rows.map(({ v, c }) => html`<li><b>${v.variant}</b>: ${c.failedInWindow} of ${c.runsInWindow} runs failed in the mixed-version window${c.mixedWindow ? ` (${((c.mixedWindow.endMs - c.mixedWindow.startMs) / 1000).toFixed(1)} s)` : ''}; <span class="${c.stillParked === 0 ? 'ok' : 'bad'}">${c.stillParked} event(s) still parked at the end</span>.</li>`)}</ul>`;
}
