/**
 * `<runDir>/png/<chart-id>.png` for every chart of a run's report, through headless Chromium: the
 * report opens from file://, any request that is not file: or data: is aborted (and reported), and
 * each chart's figure (title, caption, chart) is screenshot once the page says its charts are drawn.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, REPORT_FILE } from './build-report.js';
import { launchChromium } from './chromium.js';
import { ReportRenderError } from './errors.js';

export interface RenderedPngs {
  readonly files: readonly string[];
  /** Requests the page tried to make off disk: aborted, and listed here (the target is none). */
  readonly blockedRequests: readonly string[];
  readonly ms: number;
}

const READY_TIMEOUT_MS = 30_000;

export async function renderPngs(runDir: string): Promise<RenderedPngs> {
  const startedMs = performance.now();
  const reportPath = join(runDir, REPORT_FILE);
  if (isStale(runDir, reportPath)) buildReport(runDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 2 });
    const blockedRequests: string[] = [];
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
    await page.route('**', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      blockedRequests.push(url);
      return route.abort('blockedbyclient');
    });
    await page.goto(pathToFileURL(reportPath).href);
    await page.waitForSelector('html[data-charts-ready]', { state: 'attached', timeout: READY_TIMEOUT_MS })
      .catch((error: unknown) => { throw new ReportRenderError(reportPath, [`charts not ready after ${READY_TIMEOUT_MS} ms`, ...problems], { cause: error }); });
    if (problems.length > 0) throw new ReportRenderError(reportPath, problems);
    const pngDir = join(runDir, 'png');
    mkdirSync(pngDir, { recursive: true });
    // Charts a rebuilt report no longer has must not linger as PNGs.
    for (const old of readdirSync(pngDir).filter((f) => f.endsWith('.png'))) rmSync(join(pngDir, old));
    const files: string[] = [];
    for (const figure of await page.locator('figure[data-chart-id]').all()) {
      const id = await figure.getAttribute('data-chart-id');
      if (!id || !/^[a-z0-9-]+$/.test(id)) continue;
      const file = join(pngDir, `${id}.png`);
      await figure.screenshot({ path: file, animations: 'disabled' });
      files.push(file);
    }
    return { files, blockedRequests, ms: Math.round(performance.now() - startedMs) };
  } finally {
    await browser.close();
  }
}

/** Missing, or older than the result files it is drawn from. */
function isStale(runDir: string, reportPath: string): boolean {
  if (!existsSync(reportPath)) return true;
  const built = statSync(reportPath).mtimeMs;
  return ['run.json', 'timeline.json'].some((f) => existsSync(join(runDir, f)) && statSync(join(runDir, f)).mtimeMs > built);
}
