/** The top of a report: what ran, when, on which variants, and the headline numbers per variant. */
import type { RunFile } from '../../results/write-run.js';
import { formatDate, formatRate } from '../format.js';
import { variantHeadlines } from '../headline.js';
import { html, type Html } from '../html.js';
import { HEADLINE_COLUMNS, headlineCells, variantChip } from './headline-cells.js';

export function reportHeader(run: RunFile, nav: ReadonlyArray<readonly [string, string]>, indexHref: string | undefined): Html {
  const s = run.scenario;
  return html`<header class="page">
<div class="muted">archlab run report${indexHref ? html` · <a href="${indexHref}">all runs</a>` : ''}</div>
<h1>${s.title ?? s.name}</h1>
${s.explanation ? html`<p class="lead explanation"><b>In plain words:</b> ${s.explanation}</p>` : ''}
<p class="lead">${s.description}</p>
<p>scenario <b>${s.name}</b> · ${formatDate(run.startedAt)} · ${run.variants.map((v, i) => [variantChip(v.variant, i), ' '])}
${run.complete ? '' : html`<span class="badge bad">incomplete: partial results</span>`}</p>
<nav class="sections">${nav.map(([id, title]) => html`<a href="#${id}">${title}</a>`)}</nav>
</header>`;
}

export function overviewSection(run: RunFile): Html {
  const headlines = variantHeadlines(run);
  if (headlines.length === 0) return html`<section id="overview"><h2>At a glance</h2><p class="bad">No variant was measured.</p></section>`;
  return html`<section id="overview"><h2>At a glance</h2>
<p class="intro">Impact: how much of the shop the fault took down (for a sweep, the single points of failure; for a ramp, the capacity). Worst downtime: the journey that was down longest.</p>
<table><thead><tr><th>variant</th>${HEADLINE_COLUMNS.map((c) => html`<th>${c}</th>`)}<th>restarts</th><th>throughput (answered / offered)</th><th>probes beside the load</th></tr></thead><tbody>
${headlines.map((h, i) => {
    const t = run.variants[i]?.throughput;
    const traffic = run.variants[i]?.traffic;
    return html`<tr><th>${variantChip(h.variant, i)}${h.status === 'complete' ? '' : html` <span class="bad">${h.status}</span>`}</th>${headlineCells(h)}
<td class="num">${h.restarts}</td><td>${t ? `${formatRate(t.achievedPerSecond)} / ${formatRate(t.offeredPerSecond)}` : 'n/a'}</td>
<td>${traffic ? `${formatRate(traffic.probeRunsPerSecond)} probes vs ${formatRate(traffic.loadRunsPerSecond)} load` : 'n/a'}</td></tr>`;
  })}
</tbody></table></section>`;
}
