/** A variant's headline numbers as table cells (report, index) or as one stacked block (comparison). */
import { formatMs, formatPercent } from '../format.js';
import type { VariantHeadline } from '../headline.js';
import { html, type Html } from '../html.js';
import { variantColor } from '../palette.js';

export const HEADLINE_COLUMNS = ['impact', 'worst downtime', 'hypothesis', 'integrity'] as const;

interface Part { readonly cls: string; readonly text: string }

export function variantChip(variant: string, index = 0): Html {
  return html`<span class="chip" style="--chip:${variantColor(variant, index)}">${variant}</span>`;
}

export function headlineCells(h: VariantHeadline): Html[] {
  return headlineParts(h).map((p) => html`<td class="${p.cls}">${p.text}</td>`);
}

export function headlineBlock(h: VariantHeadline): Html {
  return html`${headlineParts(h).map((p, i) => html`<div><span class="muted">${HEADLINE_COLUMNS[i]}:</span> <span class="${p.cls}">${p.text}</span></div>`)}`;
}

function headlineParts(h: VariantHeadline): Part[] {
  return [impact(h), downtime(h), verdict(h), integrity(h)];
}

function impact(h: VariantHeadline): Part {
  if (h.spofs) return { cls: h.spofs.length > 0 ? 'warn' : 'ok', text: `single points of failure: ${h.spofs.join(', ') || 'none'}` };
  if (h.capacityLabel !== undefined) return { cls: '', text: `capacity ${h.capacityLabel}` };
  if (!h.blastRadius) return { cls: 'muted', text: 'n/a' };
  const { hit, measured, weightedShare } = h.blastRadius;
  return { cls: hit === 0 ? 'ok' : hit === measured ? 'bad' : 'warn', text: `${hit}/${measured} journeys hit (${formatPercent(weightedShare, 0)} of traffic)` };
}

function downtime(h: VariantHeadline): Part {
  const worst = h.worstDowntime;
  if (!worst) return { cls: 'muted', text: 'n/a' };
  if (worst.downtimeMs === 0 && worst.recovered) return { cls: 'ok', text: 'none' };
  return {
    cls: !worst.recovered ? 'bad' : worst.downtimeMs === 0 ? 'ok' : '',
    text: `${formatMs(worst.downtimeMs)} (${worst.journey})${worst.recovered ? '' : ', never recovered'}`,
  };
}

function verdict(h: VariantHeadline): Part {
  const { held, notHeld, untested, deviated, total } = h.verdicts;
  if (total === 0) return { cls: 'muted', text: 'none stated' };
  const word = notHeld > 0 ? 'did not hold' : deviated > 0 ? 'deviated' : untested > 0 ? 'inconclusive' : 'held';
  return { cls: notHeld > 0 ? 'bad' : deviated > 0 ? 'warn' : untested > 0 ? 'muted' : 'ok', text: `${word} (${held}/${total} held)` };
}

function integrity(h: VariantHeadline): Part {
  if (h.status === 'failed') return { cls: 'bad', text: `run failed: ${h.error ?? 'error'}` };
  if (!h.integrity) return { cls: 'muted', text: 'not checked' };
  return h.integrity.clean ? { cls: 'ok', text: 'clean' } : { cls: 'bad', text: `${h.integrity.issues} issue${h.integrity.issues === 1 ? '' : 's'}` };
}
