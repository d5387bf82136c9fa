/**
 * HTML built by a tagged template that escapes every interpolated value, so a string from a scenario
 * or a result can never become markup. Only `Html` values (built by `html` itself, or trusted assets
 * wrapped with `trustedHtml`) pass through unchanged.
 */

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** For the report's own assets (chart.js, the chart script, the style sheet): never for data. */
export function trustedHtml(text: string): Html {
  return new Html(text);
}

/**
 * Data for the page's script: JSON inside `<script type="application/json">`. Every `<` becomes
 * `\u003c`, so no string in the data can close the script element or open a comment.
 */
export function jsonScript(id: string, data: unknown): Html {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return html`<script type="application/json" id="${id}">${trustedHtml(json)}</script>`;
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}
