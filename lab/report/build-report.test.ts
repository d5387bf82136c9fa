import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSpec } from './charts/chart-spec.js';
import { RunFilesError } from './errors.js';
import { writeFixtureRun } from './fixtures/fixture-run.js';
import { buildReport } from './index.js';
import { CONTENT_SECURITY_POLICY } from './page.js';

const HOSTILE = '<script>alert(1)</script>';
let root: string;

beforeAll(() => { root = mkdtempSync(join(tmpdir(), 'archlab-report-')); });
afterAll(() => rmSync(root, { recursive: true, force: true }));

function chartSpecs(page: string): ChartSpec[] {
  const match = /<script type="application\/json" id="report-charts">([\s\S]*?)<\/script>/.exec(page);
  return JSON.parse(match?.[1] ?? 'null') as ChartSpec[];
}

describe('buildReport', () => {
  it('writes a self-contained page: CSP, chart.js and data inline, nothing to fetch', () => {
    const dir = writeFixtureRun(root, { kind: 'crash' });
    const built = buildReport(dir);
    const page = readFileSync(built.path, 'utf8');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
    expect(page).toContain('Chart.js v4');
    const markup = page.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup.match(/<link\b|<img\b|<iframe\b|@import|url\(|\ssrc=/i)).toBeNull();
    expect(markup.match(/href="(?!#|\.\.\/\.\.\/index\.html|run\.json|timeline\.json|logs\/)/)).toBeNull();
    expect(page.includes('sourceMappingURL')).toBe(false);
    expect(built.bytes).toBe(Buffer.byteLength(page));
  });

  it('a fault run: timelines, downtime, recovery and blast radius, hypotheses, prediction, integrity; no sweep or ramp', () => {
    const dir = writeFixtureRun(root, { kind: 'crash', startedAt: new Date('2026-11-26T10:01:00Z') });
    const { path, chartIds } = buildReport(dir);
    const page = readFileSync(path, 'utf8');
    expect(chartIds).toEqual([
      'availability-browse', 'availability-product', 'availability-cart', 'availability-checkout',
      'downtime', 'time-to-recover', 'blast-radius',
      'latency-browse', 'latency-product', 'latency-cart', 'latency-checkout',
    ]);
    expect(chartSpecs(page).map((s) => s.id)).toEqual(chartIds);
    for (const id of ['hypotheses', 'availability', 'downtime', 'latency', 'prediction', 'integrity', 'parameters']) expect(page).toContain(`<section id="${id}">`);
    expect(page).not.toContain('<section id="sweep">');
    expect(page).not.toContain('<section id="capacity">');
    const availability = chartSpecs(page).find((s) => s.id === 'availability-product');
    expect(availability?.kind === 'line' && availability.series.map((s) => s.label)).toEqual(['monolith', 'soa', 'micro']);
    expect(availability?.kind === 'line' && availability.bands).toHaveLength(1);
    expect(availability?.kind === 'line' && availability.markers.some((m) => m.label.includes('recommendation'))).toBe(true);
    expect(page).toContain('NOT clean');
  });

  it('a sweep: one heatmap per variant with the single points of failure marked; no downtime bars', () => {
    const { path, chartIds } = buildReport(writeFixtureRun(root, { kind: 'sweep' }));
    const specs = chartSpecs(readFileSync(path, 'utf8'));
    expect(chartIds).toEqual(expect.arrayContaining(['heatmap-monolith', 'heatmap-soa', 'heatmap-micro']));
    expect(chartIds).not.toContain('downtime');
    const soa = specs.find((s) => s.id === 'heatmap-soa');
    expect(soa?.kind === 'heatmap' && soa.rows.filter((r) => r.marked).map((r) => r.label)).toEqual(['rabbitmq', 'esb', 'portal']);
  });

  it('a capacity search: curves, the search step by step, the step table, and a censored capacity said as a lower bound', () => {
    const { path, chartIds } = buildReport(writeFixtureRun(root, { kind: 'capacity' }));
    expect(chartIds).toEqual(expect.arrayContaining(['capacity-p99', 'capacity-errors', 'capacity-search']));
    const page = readFileSync(path, 'utf8');
    expect(page).toContain('<section id="capacity">');
    expect(page).toContain('≥ 200/s (generator limit)');
    const search = chartSpecs(page).find((s) => s.id === 'capacity-search');
    expect(search?.kind === 'line' && search.series.find((s) => s.label === 'soa offered')?.points.map(([, y]) => y)).toEqual([25, 50, 100, 75, 62, 56, 59]);
  });

  it('a scale-out: capacity and memory vs replicas, the table with time to traffic, the cores said; no capacity section', () => {
    const { path, chartIds } = buildReport(writeFixtureRun(root, { kind: 'scaling' }));
    expect(chartIds).toEqual(expect.arrayContaining(['scaling-capacity', 'scaling-memory']));
    expect(chartIds).not.toContain('capacity-search');
    const page = readFileSync(path, 'utf8');
    expect(page).toContain('<section id="scaling">');
    expect(page).not.toContain('<section id="capacity">');
    expect(page).toContain('This machine has 2 CPUs');
    expect(page).toContain('cannot grow more than ×2 over one replica');
    expect(page).toContain('micro ×1.41 at 3 replicas');
    expect(page).toContain('1.10 s (ready 900 ms)');
    const specs = chartSpecs(page);
    const capacity = specs.find((s) => s.id === 'scaling-capacity');
    expect(capacity?.kind === 'line' && capacity.series.find((x) => x.label === 'soa')?.points).toEqual([[1, 60], [2, 80], [3, 82]]);
    // The core bound: one replica's capacity × min(replicas, 2 cores).
    expect(capacity?.kind === 'line' && capacity.series.find((x) => x.label === 'soa: bound by 2 cores')?.points).toEqual([[1, 60], [2, 120], [3, 120]]);
    const memory = specs.find((s) => s.id === 'scaling-memory');
    expect(memory?.kind === 'line' && memory.series.find((x) => x.label === 'monolith')?.points).toEqual([[1, 260], [2, 370], [3, 480]]);
  });

  it('a fixed ramp (`load.stages`, as every run before the search had): still drawn', () => {
    const ramp = [25, 50, 100, 150, 200, 300].map((ratePerSecond) => ({ ratePerSecond, durationMs: 2_500 }));
    const { chartIds } = buildReport(writeFixtureRun(root, { kind: 'capacity', scenario: { capacity: undefined, load: { ratePerSecond: 0, stages: ramp, requestTimeoutMs: 3_000 } } }));
    expect(chartIds).toEqual(expect.arrayContaining(['capacity-p99', 'capacity-errors']));
    expect(chartIds).not.toContain('capacity-search');
  });

  it('a deploy run: the release-cost table, then one replica timeline per variant per deploy, drawn as inline SVG', () => {
    const dir = writeFixtureRun(root, { kind: 'deploy', startedAt: new Date('2026-11-26T10:02:00Z') });
    const page = readFileSync(buildReport(dir).path, 'utf8');
    const section = /<section id="release-cost">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
    const figures = section.split('<figure class="chart deploy"').slice(1);
    // Each has an id, so `report --png` renders it like the charts.
    expect(figures.map((f) => /^ data-chart-id="([^"]+)"/.exec(f)?.[1]).slice(0, 4)).toEqual(['deploy-monolith-1', 'deploy-monolith-2', 'deploy-monolith-3', 'deploy-soa-1']);
    // rolling-deploy-ladder: three deploys (v2, v3, v4) of two replicas, in each of three variants.
    expect(figures).toHaveLength(9);
    expect(figures.map((f) => /<h3>[\s\S]*?<\/span> ([^<]+)<\/h3>/.exec(f)?.[1])).toEqual([
      'shop → v2', 'shop → v3', 'shop → v4', 'payment-service → v2', 'payment-service → v3', 'payment-service → v4',
      'payment → v2', 'payment → v3', 'payment → v4',
    ]);
    for (const figure of figures) {
      expect(figure.match(/<svg class="deploy-timeline"/g)).toHaveLength(1);
      expect(figure.match(/data-lane="/g)).toHaveLength(4); // two old replicas, two new
    }
    expect(figures[1]).toContain('data-lane="shop[2]"');
    expect(figures[1]).toContain('v2 (old)');
    expect(figures[1]).toContain('v3 (new)');
    // The first two rungs give the old replica no grace: the fixture's failures show as red bars; the third has none.
    expect(figures[0]).toMatch(/<title>\d+ failed at/);
    expect(figures[2]).not.toMatch(/<title>\d+ failed at/);
    expect(figures[2]).toContain('No shopper&#39;s request failed.');
  });

  it('no release-cost section without a deploy', () => {
    const page = readFileSync(buildReport(writeFixtureRun(root, { kind: 'crash', startedAt: new Date('2026-11-26T10:03:00Z') })).path, 'utf8');
    expect(page).not.toContain('<section id="release-cost">');
    expect(page).not.toContain('<svg class="deploy-timeline"');
  });

  it('shows hostile names as text: nothing from a run becomes markup', () => {
    const statement = '<img src=x onerror=alert(2)>';
    const dir = writeFixtureRun(root, {
      kind: 'crash', failedVariant: 'soa',
      scenario: { name: HOSTILE, title: HOSTILE, description: `</script>${HOSTILE}`, hypotheses: { monolith: { statement, expect: { all: ['failing'] } } } },
    });
    const page = readFileSync(buildReport(dir).path, 'utf8');
    expect(page.includes(HOSTILE)).toBe(false);
    expect(page.includes(statement)).toBe(false);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.match(/<script\b/g)).toHaveLength(3);
  });

  it('reads a run that stopped early: a variant with an error, no timeline.json', () => {
    const dir = writeFixtureRun(root, { kind: 'crash', variants: ['monolith', 'micro'], failedVariant: 'micro', startedAt: new Date('2026-11-26T10:02:00Z') });
    rmSync(join(dir, 'timeline.json'));
    const { path, chartIds } = buildReport(dir);
    expect(chartIds).not.toContain('availability-browse');
    expect(readFileSync(path, 'utf8')).toContain('did not become ready');
  });

  it('says which folder is not a run, and why', () => {
    expect(() => buildReport(root)).toThrow(RunFilesError);
    const dir = writeFixtureRun(root, { kind: 'crash', variants: ['monolith'], startedAt: new Date('2026-11-26T10:03:00Z') });
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { schemaVersion: number };
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ ...run, schemaVersion: 99 }));
    expect(() => buildReport(dir)).toThrow(/schema version 99/);
  });

  it('stays small and fast for three variants (< 2 MB, < 3 s): the full-length sweep, the longest timelines', () => {
    const built = buildReport(writeFixtureRun(root, { kind: 'sweep', timeScale: 1, startedAt: new Date('2026-11-26T10:04:00Z') }));
    expect(built.bytes).toBeLessThan(2 * 1024 * 1024);
    expect(built.ms).toBeLessThan(3_000);
  });
});
