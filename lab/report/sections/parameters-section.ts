/** What was run, with which parameters, where: enough to judge whether two runs can be compared. */
import type { RunFile } from '../../results/write-run.js';
import { formatDate, formatMs, relativeHref } from '../format.js';
import { html, type Html } from '../html.js';

type Row = readonly [string, string | number | boolean | null | undefined];

export function parametersSection(run: RunFile, files: readonly string[]): Html {
  const s = run.scenario;
  const p = run.parameters;
  const e = run.environment;
  const load = s.load?.stages?.length
    ? `ramp: ${s.load.stages.map((st) => `${st.ratePerSecond}/s for ${formatMs(st.durationMs)}`).join(', ')}`
    : `${p?.ratePerSecond ?? s.load?.ratePerSecond} runs/s (open model)`;
  const scenarioRows: Row[] = [
    ['scenario', s.name], ['variants', (p?.variants ?? []).join(', ')], ['load', load],
    ['journey mix', s.load?.mix ? Object.entries(s.load.mix).map(([k, v]) => `${k} ${v}`).join(', ') : 'default'],
    ['probe interval', s.probes ? `${s.probes.intervalMs} ms` : undefined],
    ['warm-up / measured', s.timing ? `${formatMs(s.timing.warmupMs)} / ${formatMs(s.timing.measureMs)}` : undefined],
    ['SLO', s.slo ? `p99 < ${s.slo.p99Ms} ms, errors < ${s.slo.maxErrorRate * 100}%` : undefined],
    ['seed', p?.seed], ['time scale', p?.timeScale], ['suite', p?.suite],
  ];
  const faults = s.sweep
    ? [`sweep: each component in turn, ${s.sweep.appKind} apps / broker-outage brokers for ${formatMs(s.sweep.durationMs)}, ${formatMs(s.sweep.gapMs)} apart`]
    : (s.faults ?? []).map((f) => `${f.kind} ${typeof f.target === 'string' ? f.target : Object.entries(f.target).map(([v, t]) => `${v}: ${t ?? 'none'}`).join(', ')} at ${formatMs(f.atMs)} for ${formatMs(f.durationMs)}${f.params ? ` ${JSON.stringify(f.params)}` : ''}`);
  const runRows: Row[] = [
    ['started', formatDate(run.startedAt)], ['finished', formatDate(run.finishedAt)], ['wall time', formatMs(run.wallMs)],
    ['measured', formatMs(run.measuredMs)], ['complete', run.complete ? 'yes' : 'no: partial results'],
    ...run.variants.map((v): Row => [`${v.variant}`, [
      v.readyAfterMs === undefined ? '' : `ready after ${formatMs(v.readyAfterMs)}`,
      `${v.restarts} restart${v.restarts === 1 ? '' : 's'}`,
      v.skippedFaults.length > 0 ? `skipped: ${v.skippedFaults.join('; ')}` : '',
      v.error ? `error: ${v.error}` : '',
    ].filter(Boolean).join(', ')]),
  ];
  const envRows: Row[] = e ? [
    ['Node', e.node], ['OS', `${e.os} (${e.arch})`], ['CPUs', `${e.cpus} × ${e.cpuModel}`], ['memory', `${e.memoryGiB} GiB`],
    ['git commit', `${e.gitCommit}${e.gitDirty ? ' (with uncommitted changes)' : ''}`],
  ] : [];
  return html`<section id="parameters"><h2>Parameters and environment</h2>
<div class="columns">${table('Scenario', scenarioRows)}${table('Run', runRows)}${table('Environment', envRows)}</div>
<h3>Faults</h3>${faults.length > 0 ? html`<ul>${faults.map((f) => html`<li>${f}</li>`)}</ul>` : html`<p class="muted">none: a baseline</p>`}
<h3>Files</h3><ul class="files">${files.map((f) => html`<li><a href="${relativeHref(f)}">${f}</a></li>`)}</ul>
</section>`;
}

function table(title: string, rows: readonly Row[]): Html {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  return html`<div><h3>${title}</h3><table class="kv"><tbody>${shown.map(([k, v]) => html`<tr><th>${k}</th><td>${String(v)}</td></tr>`)}</tbody></table></div>`;
}
