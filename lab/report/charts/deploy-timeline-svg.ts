/**
 * A deploy's timeline as inline SVG, drawn from run.json alone (no script, so it shows in the report and
 * in compare.html under their CSP, and offline):
 *
 *   replica 0   ████████████▽▒▒▒▒×                    old build serving, draining, stopped
 *   replica 2      ○▒▒▒▒●██████████████████████       new build starting, ready, serving
 *   failed runs        ▌ ▌                            failed runs per 100 ms
 *               0 s        2 s        4 s   ┆ done
 */
import type { DeployRecord } from '../../scenario/deploys.js';
import { FAILED_RUNS_BUCKET_MS, type DeployAction } from '../../scenario/deploy-steps.js';
import { html, type Html } from '../html.js';
import { deployLanes, versionsOf, type LaneSegment } from './deploy-lanes.js';

const WIDTH = 640;
const LABEL_W = 92;
const PLOT_W = WIDTH - LABEL_W - 16;
const LANE_H = 30;
const BAR_H = 14;
const AXIS_H = 24;
const LEGEND_ROW_H = 20;
const NEW_COLOR = '#0072B2';
const OLD_COLORS = ['#8a8a8a', '#CC79A7', '#E69F00', '#56B4E9'];
const FAILED_COLOR = '#b3261e';
const TICK_STEPS_MS = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000];

/** Empty when run.json has no steps for this deploy (written before they were recorded). */
export function deployTimelineSvg(deploy: DeployRecord): Html {
  const steps = deploy.steps ?? [];
  if (steps.length === 0) return html``;
  const failures = deploy.failedRunsByTime ?? [];
  const lastMs = Math.max(deploy.durationMs ?? 0, ...steps.map((s) => s.tMs), ...failures.map((f) => f.tMs + FAILED_RUNS_BUCKET_MS));
  const spanMs = Math.max(500, lastMs * 1.08);
  const x = (tMs: number) => LABEL_W + (Math.min(tMs, spanMs) / spanMs) * PLOT_W;
  const versions = versionsOf(steps, deploy.version);
  const colorOf = (version: string) => (version === deploy.version ? NEW_COLOR : OLD_COLORS[versions.indexOf(version) % OLD_COLORS.length]!);
  const lanes = deployLanes(steps, spanMs);
  const failedY = lanes.length * LANE_H;
  const axisY = failedY + LANE_H;
  const key = legend(versions.map((v) => ({ version: v, color: colorOf(v), isNew: v === deploy.version })), axisY + AXIS_H + 12);
  const height = axisY + AXIS_H + key.rows * LEGEND_ROW_H;
  const label = `${deploy.component}: ${versions.join(' → ')}, ${lanes.length} replica lanes, ${deploy.failedRuns} failed runs`;

  const laneRows = lanes.map((lane, i) => {
    const y = i * LANE_H;
    const name = `${deploy.component}[${lane.instance}]`;
    return html`<g class="lane" data-lane="${name}"><text x="${LABEL_W - 8}" y="${y + LANE_H / 2 + 4}" text-anchor="end">replica ${lane.instance}</text>
${lane.segments.map((s) => segment(s, x, y, colorOf(s.version)))}
${lane.steps.map((s) => mark(s.action, x(s.tMs), y + LANE_H / 2, colorOf(s.version), `${name} ${s.version} ${s.action} at ${seconds(s.tMs)}`))}</g>`;
  });
  const maxCount = Math.max(1, ...failures.map((f) => f.count));
  const bucketW = Math.max(2, x(FAILED_RUNS_BUCKET_MS) - x(0));
  const failedRow = html`<g class="failed-runs"><text x="${LABEL_W - 8}" y="${failedY + LANE_H / 2 + 4}" text-anchor="end">failed runs</text>
${failures.length === 0 ? html`<text x="${LABEL_W + 4}" y="${failedY + LANE_H / 2 + 4}" fill="#5f6368">none</text>` : failures.map((f) => {
    const h = Math.max(3, ((LANE_H - 6) * f.count) / maxCount);
    return html`<rect x="${fixed(x(f.tMs))}" y="${fixed(failedY + LANE_H - 3 - h)}" width="${fixed(bucketW)}" height="${fixed(h)}" fill="${FAILED_COLOR}"><title>${f.count} failed at ${seconds(f.tMs)}–${seconds(f.tMs + FAILED_RUNS_BUCKET_MS)}</title></rect>`;
  })}</g>`;

  const tickMs = TICK_STEPS_MS.find((step) => spanMs / step <= 10) ?? 60_000;
  const ticks = Array.from({ length: Math.floor(spanMs / tickMs) + 1 }, (_, i) => i * tickMs);
  const axis = html`<g class="axis">${ticks.map((t) => html`<line x1="${fixed(x(t))}" x2="${fixed(x(t))}" y1="0" y2="${axisY}" stroke="#e3e3e3"/><text x="${fixed(x(t))}" y="${axisY + 16}" text-anchor="middle" fill="#5f6368">${seconds(t)}</text>`)}</g>`;
  const done = deploy.durationMs === null ? html`` : html`<g class="done"><line x1="${fixed(x(deploy.durationMs))}" x2="${fixed(x(deploy.durationMs))}" y1="0" y2="${axisY}" stroke="#1a1a1a" stroke-dasharray="4 3"/><title>every replica on ${deploy.version} after ${seconds(deploy.durationMs)}</title></g>`;

  return html`<svg class="deploy-timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${label}" font-size="13" xmlns="http://www.w3.org/2000/svg"><title>${label}</title>
${axis}${laneRows}${failedRow}${done}
${key.html}</svg>`;
}

function segment(s: LaneSegment, x: (tMs: number) => number, laneY: number, color: string): Html {
  const y = laneY + (LANE_H - BAR_H) / 2;
  const width = fixed(Math.max(1, x(s.toMs) - x(s.fromMs)));
  const look = s.phase === 'serving' ? html`fill="${color}"` : html`fill="${color}" fill-opacity="0.25" stroke="${color}"${s.phase === 'starting' ? html` stroke-dasharray="3 2"` : ''}`;
  return html`<rect class="${s.phase}" data-version="${s.version}" x="${fixed(x(s.fromMs))}" y="${y}" width="${width}" height="${BAR_H}" ${look}><title>${s.version} ${s.phase} ${seconds(s.fromMs)}–${seconds(s.toMs)}</title></rect>`;
}

function mark(action: DeployAction, cx: number, cy: number, color: string, title: string): Html {
  const at = fixed(cx);
  const shape = {
    starting: html`<circle cx="${at}" cy="${cy}" r="5" fill="#fff" stroke="${color}" stroke-width="2"/>`,
    ready: html`<circle cx="${at}" cy="${cy}" r="5" fill="${color}" stroke="#fff"/>`,
    draining: html`<path d="M${fixed(cx - 6)} ${cy - 6}h12l-6 11z" fill="#fff" stroke="${color}" stroke-width="2"/>`,
    stopped: html`<path d="M${fixed(cx - 5)} ${cy - 5}l10 10m0 -10l-10 10" stroke="#1a1a1a" stroke-width="2.5"/>`,
    exited: html`<path d="M${fixed(cx - 5)} ${cy - 5}l10 10m0 -10l-10 10" stroke="${FAILED_COLOR}" stroke-width="2.5"/>`,
  }[action];
  return html`<g class="mark ${action}"><title>${title}</title>${shape}</g>`;
}

/** The key under the plot, wrapped onto as many rows as it needs. */
function legend(versions: ReadonlyArray<{ version: string; color: string; isNew: boolean }>, top: number): { html: Html; rows: number } {
  let at = 8;
  let y = top;
  const item = (glyph: Html, text: string) => {
    const width = 26 + text.length * 7;
    if (at + width > WIDTH) { at = 8; y += LEGEND_ROW_H; }
    const out = html`<g transform="translate(${at} ${y})">${glyph}<text x="16" y="4">${text}</text></g>`;
    at += width;
    return out;
  };
  const items = [
    ...versions.map((v) => item(html`<rect x="0" y="-6" width="12" height="12" fill="${v.color}"/>`, `${v.version} (${v.isNew ? 'new' : 'old'})`)),
    item(html`<circle cx="6" cy="0" r="5" fill="#fff" stroke="#1a1a1a" stroke-width="2"/>`, 'starting'),
    item(html`<circle cx="6" cy="0" r="5" fill="#1a1a1a"/>`, 'ready'),
    item(html`<path d="M0 -6h12l-6 11z" fill="#fff" stroke="#1a1a1a" stroke-width="2"/>`, 'draining'),
    item(html`<path d="M1 -5l10 10m0 -10l-10 10" stroke="#1a1a1a" stroke-width="2.5"/>`, 'stopped'),
    item(html`<line x1="6" x2="6" y1="-6" y2="6" stroke="#1a1a1a" stroke-dasharray="4 3"/>`, 'rollout done'),
  ];
  return { html: html`<g class="legend">${items}</g>`, rows: (y - top) / LEGEND_ROW_H + 1 };
}

/** `0.25 s`, `1.5 s`, `12.3 s`: no trailing zeros. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 2 : 1))} s`;
}

function fixed(value: number): string {
  return value.toFixed(1);
}
