/**
 * Reports in a real Chromium, opened from disk: every chart canvas drew data, no request left the
 * page, nothing was logged as an error, and a hostile scenario name stays text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureRun, type FixtureKind } from '../../lab/report/fixtures/fixture-run.js';
import { buildIndex, buildReport, CHROMIUM_PATH, chromiumAvailable, launchChromium, renderPngs } from '../../lab/report/index.js';

const HOSTILE = '<script>alert(1)</script>';
const HOSTILE_STATEMENT = '<img src=x onerror=alert(2)>';
const available = chromiumAvailable();
if (!available) console.warn(`tests/browser: SKIPPED, no Chromium at ${CHROMIUM_PATH} (CI installs it; locally: bash scripts/install-system-deps.sh)`);

interface Visit {
  readonly page: Page;
  readonly requests: string[];
  readonly blocked: string[];
  readonly errors: string[];
  readonly dialogs: string[];
}

interface CanvasInk { id: string; width: number; height: number; ink: number; dataInk: number }

/**
 * In the page: per chart canvas, the pixels drawn (not transparent, not near-white) and the saturated
 * ones among them — data (variant lines and bars, heatmap cells), as opposed to grey axes and text.
 */
const CANVAS_INK = `Array.from(document.querySelectorAll('canvas[data-chart]')).map((canvas) => {
  const { width, height } = canvas;
  const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  let ink = 0;
  let dataInk = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const r = pixels[i], g = pixels[i + 1], b = pixels[i + 2], a = pixels[i + 3];
    if (a < 128 || (r > 235 && g > 235 && b > 235)) continue;
    ink += 1;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 80) dataInk += 1;
  }
  return { id: canvas.getAttribute('data-chart'), width, height, ink, dataInk };
})`;

describe.skipIf(!available)(`reports in Chromium (skipped without ${CHROMIUM_PATH})`, { timeout: 120_000 }, () => {
  let root: string;
  let browser: Browser;
  const reports = new Map<string, { dir: string; path: string; chartIds: readonly string[] }>();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'archlab-browser-'));
    const runs: Array<[string, FixtureKind, Parameters<typeof writeFixtureRun>[1]?]> = [
      ['crash', 'crash'], ['sweep', 'sweep'], ['capacity', 'capacity'],
      ['hostile', 'crash', {
        kind: 'crash', failedVariant: 'soa', startedAt: new Date('2026-11-27T10:00:00Z'),
        scenario: { name: HOSTILE, title: HOSTILE, hypotheses: { monolith: { statement: HOSTILE_STATEMENT, expect: { all: ['failing'] } } } },
      }],
    ];
    for (const [name, kind, options] of runs) {
      const dir = writeFixtureRun(root, options ?? { kind, startedAt: new Date(`2026-11-26T1${reports.size}:00:00Z`) });
      reports.set(name, { dir, ...buildReport(dir) });
    }
    buildIndex(root);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function visit(path: string): Promise<Visit> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const visit: Visit = { page, requests: [], blocked: [], errors: [], dialogs: [] };
    page.on('request', (request) => visit.requests.push(request.url()));
    page.on('console', (message) => { if (message.type() === 'error') visit.errors.push(message.text()); });
    page.on('pageerror', (error) => visit.errors.push(error.message));
    page.on('dialog', (dialog) => { visit.dialogs.push(dialog.message()); void dialog.dismiss(); });
    await page.route('**', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      visit.blocked.push(url);
      return route.abort('blockedbyclient');
    });
    await page.goto(pathToFileURL(path).href);
    return visit;
  }

  function reportNamed(name: string): { dir: string; path: string; chartIds: readonly string[] } {
    const report = reports.get(name);
    if (!report) throw new Error(`no ${name} report`);
    return report;
  }

  async function chartsReady(page: Page): Promise<void> {
    await page.waitForSelector('html[data-charts-ready]', { state: 'attached', timeout: 30_000 });
  }

  async function openReport(name: string): Promise<Visit> {
    const v = await visit(reportNamed(name).path);
    await chartsReady(v.page);
    return v;
  }

  function expectCleanVisit(v: Visit): void {
    expect(v.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(v.blocked).toEqual([]);
    expect(v.errors).toEqual([]);
    expect(v.dialogs).toEqual([]);
  }

  for (const name of ['crash', 'sweep', 'capacity']) {
    it(`${name} report: every chart canvas drew its data, offline, without errors`, async () => {
      const v = await openReport(name);
      const canvases = await v.page.evaluate<CanvasInk[]>(CANVAS_INK);
      expect(canvases.map((c) => c.id)).toEqual(reportNamed(name).chartIds);
      for (const canvas of canvases) {
        expect(canvas.width * canvas.height, canvas.id).toBeGreaterThan(100_000);
        expect(canvas.ink, `${canvas.id}: drawn pixels`).toBeGreaterThan(canvas.width * canvas.height * 0.01);
        expect(canvas.dataInk, `${canvas.id}: pixels in a variant's or a heatmap's colors`).toBeGreaterThan(300);
      }
      expectCleanVisit(v);
      await v.page.close();
    });
  }

  it('a hostile scenario name and statement show as text: no dialog, no injected element', async () => {
    const v = await openReport('hostile');
    await v.page.waitForTimeout(200);
    expect(await v.page.textContent('h1')).toBe(HOSTILE);
    expect(await v.page.title()).toContain(HOSTILE);
    expect(await v.page.locator('.verdict .statement').first().textContent()).toBe(HOSTILE_STATEMENT);
    expect(await v.page.locator('script').count()).toBe(3);
    expect(await v.page.locator('img').count()).toBe(0);
    expectCleanVisit(v);
    await v.page.close();
  });

  it('the index and the comparison open offline, escape names, and link to reports that open', async () => {
    for (const file of ['index.html', 'compare.html']) {
      const v = await visit(join(root, file));
      expect(await v.page.locator('body').textContent()).toContain(HOSTILE);
      expect(await v.page.locator('script').count()).toBe(0);
      await v.page.locator('a[href$="report.html"]').first().click();
      await chartsReady(v.page);
      expect(v.page.url()).toMatch(/^file:.*\/report\.html$/);
      expectCleanVisit(v);
      await v.page.close();
    }
  });

  it('renders every chart of a report to a PNG, requesting nothing off disk', async () => {
    const report = reportNamed('crash');
    const rendered = await renderPngs(report.dir);
    expect(rendered.blockedRequests).toEqual([]);
    expect(rendered.files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(report.chartIds.map((id) => `${id}.png`));
    for (const file of rendered.files) {
      const png = readFileSync(file);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(png.readUInt32BE(16), `${file} width`).toBeGreaterThan(800);
    }
  });
});
