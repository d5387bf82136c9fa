/** compare.html's version skew: for each scenario whose latest run rolled out a contract change, its quadrant table. */
import type { RunFile } from '../../results/write-run.js';
import { formatDate } from '../format.js';
import { html, type Html } from '../html.js';
import { contractSkewTable } from './contract-skew-section.js';

export function compareContractsSection(runs: readonly RunFile[]): Html {
  const skewed = runs.filter((run) => run.variants.some((v) => v.contracts));
  if (skewed.length === 0) return html``;
  return html`<section id="version-skew"><h2>Version skew</h2>
<p class="intro">Scenarios that rolled out a contract change while older builds still ran: every message between processes by old/new producer × old/new consumer, and what became of it.</p>
${skewed.map((run) => html`<h3>${run.scenario.title ?? run.scenario.name}</h3><p class="muted">${run.scenario.name} · ${formatDate(run.startedAt)}</p>${contractSkewTable(run.variants)}`)}</section>`;
}
