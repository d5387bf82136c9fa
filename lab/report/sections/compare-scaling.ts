/**
 * compare.html's scale-out part: for the latest run of each scenario that scaled out, its two charts
 * (capacity and memory vs replicas) and its table, from run.json alone. Chart ids carry the scenario's
 * name, so several such scenarios can sit on one page.
 */
import type { ChartSpec } from '../charts/chart-spec.js';
import { scalingFigures } from '../charts/scaling-charts.js';
import { html, type Html } from '../html.js';
import type { IndexedRun } from '../index-pages.js';
import { figureHtml } from './figures.js';
import { coreBound, scalingTable } from './scaling-section.js';

export function compareScaling(latest: readonly IndexedRun[]): { readonly html: Html; readonly charts: readonly ChartSpec[] } {
  const parts = latest.map((entry) => ({ entry, figures: scalingFigures(entry.run, `${entry.run.scenario.name}-`) })).filter(({ figures }) => figures.length > 0);
  if (parts.length === 0) return { html: html``, charts: [] };
  return {
    html: html`${parts.map(({ entry, figures }) => html`<section id="scaling-${entry.run.scenario.name}"><h2>Scaling out: ${entry.run.scenario.title}</h2>
<p class="intro">${coreBound(entry.run)}</p>
<div class="grid">${figures.map((f) => figureHtml(f))}</div>${scalingTable(entry.run)}</section>`)}`,
    charts: parts.flatMap(({ figures }) => figures.map((f) => f.spec)),
  };
}
