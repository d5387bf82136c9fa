/** Numbers as readers see them: short, with units, and `n/a` for what was not measured. */

export function formatPercent(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined ? 'n/a' : `${(share * 100).toFixed(digits)}%`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.round(ms)} ms`;
}

export function formatRate(perSecond: number | null | undefined): string {
  return perSecond === null || perSecond === undefined ? 'n/a' : `${Math.round(perSecond * 10) / 10}/s`;
}

/** `2026-11-26 01:40 UTC`: the run's start, the same for every reader whatever their time zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A chart id that is safe as a file name and an attribute: lower-case letters, digits and dashes. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** A relative link to a file: each path segment percent-encoded, so no name can change the URL's shape. */
export function relativeHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
