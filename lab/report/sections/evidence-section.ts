/**
 * The ground the verdicts stand on: steady state before the fault and after the heal, the machine's
 * quiet, and with `--repeat N` the spread of each figure. A banner at the top says when it is shaky.
 */
import type { RunFile } from '../../results/write-run.js';
import type { Spread } from '../../metrics/spread.js';
import type { SteadyStateCheck } from '../../scenario/steady-state.js';
import { inconclusiveReasons } from '../../scenario/verdicts.js';
import { formatMs, formatPercent } from '../format.js';
import { html, type Html } from '../html.js';
import { variantChip } from './headline-cells.js';

/** A warning above everything else when some variant's figures are not fit to judge by. */
export function evidenceBanner(run: RunFile): Html {
  const doubts = run.variants.flatMap((v) => inconclusiveReasons(v).map((reason) => `${v.variant}: ${reason}`));
  if (doubts.length === 0) return html``;
  return html`<div class="banner bad" role="alert"><b>Inconclusive:</b> these figures are not fit to judge the hypotheses by.<ul>${doubts.map((d) => html`<li>${d}</li>`)}</ul></div>`;
}

export function evidenceSection(run: RunFile): Html {
  const rows = run.variants.filter((v) => v.steadyState || v.noise);
  if (rows.length === 0 && !run.spread) return html``;
  return html`<section id="evidence"><h2>Evidence</h2>
<p class="intro">A verdict counts only if the variant was seen in its steady state before the fault (each journey answered at least ${formatPercent(1 - run.scenario.slo.maxErrorRate)} with p99 ≤ ${run.scenario.slo.p99Ms} ms), came back to it after the heal, and nothing else on the machine competed for its CPU.</p>
${rows.length > 0 ? html`<table><thead><tr><th>variant</th><th>steady before the fault</th><th>steady after the heal</th><th>the machine's quiet</th></tr></thead><tbody>
${rows.map((v) => html`<tr><th>${variantChip(v.variant, run.variants.indexOf(v))}</th><td>${steady(v.steadyState?.before ?? null)}</td><td>${steady(v.steadyState?.after ?? null)}</td>
<td>${v.noise ? html`<span class="${v.noise.inconclusive ? 'bad' : 'ok'}">${v.noise.inconclusive ? v.noise.reasons.join('; ') : 'quiet'}</span>${noiseFigures(v.noise)}` : html`<span class="muted">not sampled</span>`}</td></tr>`)}
</tbody></table>` : ''}
${run.spread ? spreadTable(run) : ''}</section>`;
}

function steady(check: SteadyStateCheck | null): Html {
  if (!check) return html`<span class="muted">not checked</span>`;
  const worst = check.journeys.reduce((a, b) => ((b.p99Ms ?? 0) > (a.p99Ms ?? 0) ? b : a));
  return html`<span class="${check.met ? 'ok' : 'bad'}">${check.met ? 'met' : `not met: ${check.reasons.join('; ')}`}</span>
<span class="muted"> (worst p99 ${worst.p99Ms === null ? 'n/a' : formatMs(worst.p99Ms)} on ${worst.journey})</span>`;
}

function noiseFigures(noise: NonNullable<RunFile['variants'][number]['noise']>): Html {
  const cpu = noise.foreignCpuPercent;
  return cpu ? html`<span class="muted"> (other processes: ${Math.round(cpu.mean)}% of a core on average, ${Math.round(cpu.worstSecond)}% in the worst second)</span>` : html``;
}

function spreadTable(run: RunFile): Html {
  const cell = (s: Spread | null, format: (n: number) => string) => (s
    ? html`<td>${format(s.median)} <span class="muted">[${format(s.ci95[0])}–${format(s.ci95[1])}]${s.cv !== null ? ` cv ${s.cv.toFixed(2)}` : ''}</span></td>`
    : html`<td class="muted">n/a</td>`);
  return html`<h3>Over ${String(run.parameters.repeat ?? 1)} repeats</h3>
<p class="intro">Median, its 95% bootstrap confidence interval in brackets, and the coefficient of variation, per variant and journey. The variants ran interleaved.</p>
<table><thead><tr><th>variant</th><th>journey</th><th>downtime</th><th>recovered after</th><th>availability in the fault</th><th>p99</th></tr></thead><tbody>
${(run.spread ?? []).map((s) => html`<tr><th>${s.variant}</th><td>${s.journey}</td>${cell(s.downtimeMs, formatMs)}${cell(s.timeToRecoverMs, formatMs)}${cell(s.faultWindowAvailability, (n) => formatPercent(n))}${cell(s.p99Ms, formatMs)}</tr>`)}
</tbody></table>`;
}
