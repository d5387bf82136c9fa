/** A variant's headline numbers as table cells, the same in the report, the index and the comparison. */
import { formatMs, formatPercent } from '../format.js';
import type { VariantHeadline } from '../headline.js';
import { html, type Html } from '../html.js';
import { variantColor } from '../palette.js';

export const HEADLINE_COLUMNS = ['impact', 'worst downtime', 'hypothesis', 'integrity'] as const;

export function variantChip(variant: string, index = 0): Html {
  return html`<span class="chip" style="--chip:${variantColor(variant, index)}">${variant}</span>`;
}

export function headlineCells(h: VariantHeadline): Html[] {
  return [blastCell(h), downtimeCell(h), verdictCell(h), integrityCell(h)];
}

function blastCell(h: VariantHeadline): Html {
  if (h.spofs) return html`<td>SPOFs: ${h.spofs.join(', ') || 'none'}</td>`;
  if (typeof h.capacityPerSecond === 'number' || h.capacityPerSecond === null) {
    return html`<td>capacity ${h.capacityPerSecond === null ? 'below the first stage' : `${h.capacityPerSecond}/s`}</td>`;
  }
  if (!h.blastRadius) return html`<td class="muted">n/a</td>`;
  const { hit, measured, weightedShare } = h.blastRadius;
  return html`<td class="${hit === 0 ? 'ok' : hit === measured ? 'bad' : 'warn'}">${hit}/${measured} journeys (${formatPercent(weightedShare, 0)} of traffic)</td>`;
}

function downtimeCell(h: VariantHeadline): Html {
  const worst = h.worstDowntime;
  if (!worst) return html`<td class="muted">n/a</td>`;
  const text = `${formatMs(worst.downtimeMs)} (${worst.journey})${worst.recovered ? '' : ', never recovered'}`;
  return html`<td class="${!worst.recovered ? 'bad' : worst.downtimeMs === 0 ? 'ok' : ''}">${text}</td>`;
}

function verdictCell(h: VariantHeadline): Html {
  const { held, notHeld, untested, total } = h.verdicts;
  if (total === 0) return html`<td class="muted">none stated</td>`;
  const word = notHeld > 0 ? 'did not hold' : untested > 0 ? 'not testable' : 'held';
  return html`<td class="${notHeld > 0 ? 'bad' : untested > 0 ? 'muted' : 'ok'}">${word} (${held}/${total} held)</td>`;
}

function integrityCell(h: VariantHeadline): Html {
  if (h.status === 'failed') return html`<td class="bad">run failed: ${h.error ?? 'error'}</td>`;
  if (!h.integrity) return html`<td class="muted">not checked</td>`;
  return h.integrity.clean ? html`<td class="ok">clean</td>` : html`<td class="bad">${h.integrity.issues} issue${h.integrity.issues === 1 ? '' : 's'}</td>`;
}
