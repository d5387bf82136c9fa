/** The hypotheses with held / did not hold, and the topology's prediction against what was measured. */
import type { RunFile } from '../../results/write-run.js';
import { formatPercent } from '../format.js';
import { html, type Html } from '../html.js';
import { effectClass } from '../palette.js';
import { variantChip } from './headline-cells.js';
import { statusOf, type VerdictStatus } from '../../scenario/verdicts.js';

const BADGES: Record<VerdictStatus, readonly [string, string]> = {
  held: ['held', 'ok'], 'not-held': ['did not hold', 'bad'], inconclusive: ['inconclusive', 'muted'], deviated: ['deviated', 'warn'],
};

export function hypothesesSection(run: RunFile): Html {
  if (run.verdicts.length === 0) return html``;
  const index = (variant: string) => Math.max(0, run.variants.findIndex((v) => v.variant === variant));
  return html`<section id="hypotheses"><h2>Hypotheses</h2>
<p class="intro">What the scenario expected of each variant before it ran, and whether the measurements bore it out.</p>
<div class="verdicts">${run.verdicts.map((v) => {
    const [word, cls] = BADGES[statusOf(v)];
    const count = v.repeats ? ` (held in ${v.repeats.held} of ${v.repeats.total} repeats)` : '';
    return html`<div class="verdict"><div class="verdict-head">${variantChip(v.variant, index(v.variant))}<span class="badge ${cls}">${word}${count}</span></div>
<p class="statement">${v.statement}</p>${v.reason ? html`<p class="reason ${cls}">${v.reason}</p>` : ''}${v.details.length > 0 ? html`<ul>${v.details.map((d) => html`<li>${d}</li>`)}</ul>` : ''}</div>`;
  })}</div></section>`;
}

export function predictionSection(run: RunFile): Html {
  const variants = run.variants.filter((v) => v.journeys.some((j) => j.predicted !== null));
  if (variants.length === 0) return html``;
  const journeys = [...new Set(variants.flatMap((v) => v.journeys.map((j) => j.journey as string)))];
  return html`<section id="prediction"><h2>Prediction vs measured</h2>
<p class="intro">The topology predicts each journey's fate from which process hosts which module and what each calls. ✓: the measurement agrees; ✗: it does not (speed is not predicted, so slow counts as unaffected).</p>
<table><thead><tr><th>journey</th>${variants.map((v, i) => html`<th>${variantChip(v.variant, i)}</th>`)}</tr></thead><tbody>
${journeys.map((journey) => html`<tr><th>${journey}</th>${variants.map((v) => {
    const j = v.journeys.find((x) => x.journey === journey);
    if (!j || j.predicted === null) return html`<td class="muted">n/a</td>`;
    const agrees = !v.prediction.mismatches.some((m) => m.startsWith(`${journey}:`));
    return html`<td><span class="${agrees ? 'ok' : 'bad'}">${agrees ? '✓' : '✗'}</span> predicted <b>${j.predicted}</b>, measured <b class="${effectClass(j.effect)}">${j.effect}</b>
<span class="muted">(${formatPercent(j.availability?.faultWindow?.all.availability)} answered in the fault)</span></td>`;
  })}</tr>`)}
</tbody></table></section>`;
}
