import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureRun } from './fixtures/fixture-run.js';
import { buildIndex, buildReport } from './index.js';

const HOSTILE = '<script>alert(1)</script>';
let root: string;
let older: string;
let newer: string;
let reference: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'archlab-index-'));
  older = writeFixtureRun(root, { kind: 'crash', variants: ['monolith'], startedAt: new Date('2026-11-20T08:00:00Z') });
  newer = writeFixtureRun(root, { kind: 'crash', startedAt: new Date('2026-11-25T08:00:00Z'), scenario: { title: `newer ${HOSTILE}` } });
  writeFixtureRun(root, { kind: 'sweep', startedAt: new Date('2026-11-22T08:00:00Z') });
  reference = writeFixtureRun(root, { kind: 'capacity', group: 'reference', startedAt: new Date('2026-11-21T08:00:00Z') });
  for (const dir of [older, newer, reference]) buildReport(dir);
  mkdirSync(join(root, 'runs', 'broken-run'));
  writeFileSync(join(root, 'runs', 'broken-run', 'run.json'), '{ not json');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildIndex', () => {
  it('lists every run, reference runs too, newest first, each linked relatively to its report', () => {
    const built = buildIndex(root);
    expect(built.runs).toBe(4);
    const page = readFileSync(built.path, 'utf8');
    const order = ['2026-11-25 08:00', '2026-11-22 08:00', '2026-11-21 08:00', '2026-11-20 08:00'].map((date) => page.indexOf(date));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
    expect(page).toContain(`href="runs/${basename(newer)}/report.html"`);
    expect(page).toContain(`href="reference/${basename(reference)}/report.html"`);
    expect(page).toContain('not built (archlab report)');
    expect(page).toContain('reference</span>');
    expect(page).toContain('capacity ≥ 200/s (generator limit)');
    expect(page).toContain('single points of failure: rabbitmq, esb, portal');
  });

  it('names the folders it could not read instead of failing', () => {
    const built = buildIndex(root);
    expect(built.unreadable).toEqual([expect.stringContaining('runs/broken-run')]);
    expect(readFileSync(built.path, 'utf8')).toContain('Unreadable run folders');
  });

  it('compares the latest run of each scenario, variants side by side', () => {
    const page = readFileSync(buildIndex(root).comparePath, 'utf8');
    expect(page).toContain(basename(newer));
    expect(page).not.toContain(basename(older));
    for (const variant of ['monolith', 'soa', 'micro']) expect(page).toContain(`>${variant}</span></th>`);
    expect(page.match(/<tr><td><b>/g)).toHaveLength(3);
  });

  it('escapes every name, and carries no script at all', () => {
    const { path, comparePath } = buildIndex(root);
    for (const page of [readFileSync(path, 'utf8'), readFileSync(comparePath, 'utf8')]) {
      expect(page.includes(HOSTILE)).toBe(false);
      expect(page).toContain('newer &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).not.toMatch(/<script\b/);
      expect(page).toContain('Content-Security-Policy');
    }
  });

  it('compares the release cost of the scenarios that deployed: facts per variant side by side, and their timelines', () => {
    const page = readFileSync(buildIndex(root).comparePath, 'utf8');
    expect(page).not.toContain('<section id="release-cost">'); // no run here deployed anything
    const withDeploy = mkdtempSync(join(tmpdir(), 'archlab-index-deploy-'));
    try {
      writeFixtureRun(withDeploy, { kind: 'deploy' });
      writeFixtureRun(withDeploy, { kind: 'crash' });
      const compare = readFileSync(buildIndex(withDeploy).comparePath, 'utf8');
      const section = /<section id="release-cost">([\s\S]*?)<\/section>/.exec(compare)?.[1] ?? '';
      expect(section.match(/<h3>[^<]+<\/h3><p class="muted">([\w-]+)/g)).toHaveLength(1);
      expect(section).toContain('rolling-deploy-ladder');
      expect(section).not.toContain('crash-recommendations');
      expect(section).toContain('deploy 1 of 3: v2, start-first, no drain, grace 0 ms');
      const redeployed = /<tr><th>component redeployed<\/th>(.*?)<\/tr>/.exec(section)?.[1];
      expect(redeployed?.match(/<td[^>]*>([^<]+)<\/td>/g)?.map((c) => c.replace(/<[^>]+>/g, ''))).toEqual(['shop', 'payment-service', 'payment']);
      expect(section.match(/<svg class="deploy-timeline"/g)).toHaveLength(9);
      expect(compare).not.toMatch(/<script\b/);
    } finally {
      rmSync(withDeploy, { recursive: true, force: true });
    }
  });

  it('compare.html draws capacity and memory vs replicas for a scale-out run, from run.json alone', () => {
    const scaled = mkdtempSync(join(tmpdir(), 'archlab-index-scaling-'));
    try {
      writeFixtureRun(scaled, { kind: 'crash', startedAt: new Date('2026-11-25T08:00:00Z') });
      writeFixtureRun(scaled, { kind: 'scaling', startedAt: new Date('2026-11-26T08:00:00Z') });
      const page = readFileSync(buildIndex(scaled).comparePath, 'utf8');
      expect(page.match(/<tr><td><b>/g)).toHaveLength(2);
      expect(page).toContain('<section id="scaling-scale-out-search">');
      expect(page).toContain('This machine has 2 CPUs');
      const specs = JSON.parse(/<script type="application\/json" id="report-charts">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '[]') as Array<{ id: string }>;
      expect(specs.map((s) => s.id)).toEqual(['scale-out-search-scaling-capacity', 'scale-out-search-scaling-memory']);
      expect(page).toContain('data-chart="scale-out-search-scaling-memory"');
      expect(page).toContain('Chart.js v4');
    } finally {
      rmSync(scaled, { recursive: true, force: true });
    }
  });

  it('writes an empty index for an empty results folder', () => {
    const empty = mkdtempSync(join(tmpdir(), 'archlab-index-empty-'));
    try {
      expect(readFileSync(buildIndex(empty).path, 'utf8')).toContain('No runs yet');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
