/**
 * compare.html's release cost: for each scenario whose latest run deployed something, its release-cost
 * figures with the variants side by side, then each deploy's timeline per variant. From run.json alone.
 */
import type { RunFile } from '../../results/write-run.js';
import type { DeployRecord } from '../../scenario/deploys.js';
import { formatDate } from '../format.js';
import { html, type Html } from '../html.js';
import { deployFacts } from './deploy-facts.js';
import { DEPLOY_TIMELINE_KEY, deployTimelineFigure } from './deploy-timeline-figure.js';
import { variantChip } from './headline-cells.js';

/** `variants`: the page's columns, in its order (a variant's position gives its chip colour). */
export function compareReleaseSection(runs: readonly RunFile[], variants: readonly string[]): Html {
  const deploying = runs.filter((run) => run.variants.some((v) => (v.deploys ?? []).length > 0));
  if (deploying.length === 0) return html``;
  return html`<section id="release-cost"><h2>Release cost</h2>
<p class="intro">Scenarios that deployed a new build while shoppers kept using the shop: what each packaging had to redeploy, how long the rollout took and what shoppers saw meanwhile, then each rollout replica by replica. ${DEPLOY_TIMELINE_KEY}</p>
${deploying.map((run) => scenarioRelease(run, variants))}</section>`;
}

function scenarioRelease(run: RunFile, variants: readonly string[]): Html {
  const columns = variants.flatMap((name, index) => {
    const summary = run.variants.find((v) => v.variant === name);
    return summary ? [{ name, index, deploys: summary.deploys ?? [] }] : [];
  });
  const count = Math.max(...columns.map((c) => c.deploys.length));
  const deploys = Array.from({ length: count }, (_, i) => columns.map((c) => ({ ...c, deploy: c.deploys[i] })));
  return html`<h3>${run.scenario.title ?? run.scenario.name}</h3><p class="muted">${run.scenario.name} · ${formatDate(run.startedAt)}</p>
<table class="compare release"><thead><tr><th></th>${columns.map((c) => html`<th>${variantChip(c.name, c.index)}</th>`)}</tr></thead>
${deploys.map((row, i) => html`<tbody><tr><th colspan="${columns.length + 1}">deploy ${i + 1} of ${count}${sameFor(row.map((c) => c.deploy))}</th></tr>
${factRows(row.map((c) => c.deploy))}</tbody>`)}</table>
${deploys.map((row) => html`<div class="deploy-timelines side-by-side">${row.map((c) => (c.deploy ? deployTimelineFigure(c.name, c.index, c.deploy) : html`<p class="muted">${c.name}: no deploy</p>`))}</div>`)}`;
}

/** Set by the scenario, the same in every variant: said once, in the heading of the deploy's rows. */
const SHARED = ['version', 'strategy'];

function sameFor(deploys: ReadonlyArray<DeployRecord | undefined>): string {
  const facts = deploys.flatMap((d) => (d ? [deployFacts(d)] : []));
  const said = (label: string) => [...new Set(facts.map((f) => String(f.find((x) => x.label === label)?.text)))].join(' / ');
  return `: ${SHARED.map(said).join(', ')}`;
}

/** One row per fact, one cell per variant (a dash where that variant did not deploy). */
function factRows(deploys: ReadonlyArray<DeployRecord | undefined>): Html[] {
  const facts = deploys.map((d) => (d ? deployFacts(d).filter((f) => !SHARED.includes(f.label)) : undefined));
  const labels = facts.find((f) => f !== undefined)?.map((f) => f.label) ?? [];
  return labels.map((label, row) => html`<tr><th>${label}</th>${facts.map((f) => {
    const fact = f?.[row];
    return fact ? html`<td class="${fact.cls}">${fact.text}</td>` : html`<td class="muted">–</td>`;
  })}</tr>`);
}
