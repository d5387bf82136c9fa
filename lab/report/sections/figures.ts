/** A chart's place on the page: title, one-line caption, the canvas the page's script draws into. */
import type { Figure } from '../charts/chart-spec.js';
import { html, type Html } from '../html.js';

export function figureHtml(figure: Figure, wide = false): Html {
  const { spec } = figure;
  const height = spec.kind === 'heatmap' ? 90 + 56 * spec.rows.length : 380;
  return html`<figure class="chart${wide ? ' wide' : ''}" data-chart-id="${spec.id}">
<figcaption><h3>${figure.title}</h3><p>${figure.caption}</p></figcaption>
<div class="plot" style="height:${height}px"><canvas data-chart="${spec.id}" role="img" aria-label="${figure.title}"></canvas></div>
${figure.note ? html`<p class="note">${figure.note}</p>` : ''}
</figure>`;
}

/** A titled section with a grid of charts; nothing at all when there is nothing to draw. */
export function figureSection(id: string, title: string, intro: string, figures: readonly Figure[], options: { wide?: boolean } = {}): Html {
  if (figures.length === 0) return html``;
  return html`<section id="${id}"><h2>${title}</h2><p class="intro">${intro}</p>
<div class="grid${options.wide ? ' one' : ''}">${figures.map((f) => figureHtml(f, options.wide))}</div></section>`;
}
