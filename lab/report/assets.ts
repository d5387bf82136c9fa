/**
 * The scripts a report inlines so it opens from disk with no network: chart.js's UMD build, and the
 * page's own chart script — the files in browser/, plain browser JavaScript read from the sources
 * (tsc does not copy them), joined in the order they depend on each other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repositoryRoot } from '../runner/index.js';
import { ReportAssetError } from './errors.js';

const BROWSER_FILES = ['overlay-plugin.js', 'heatmap.js', 'report-charts.js'];

let cached: { chartJs: string; chartScript: string } | undefined;

export function reportScripts(): { chartJs: string; chartScript: string } {
  cached ??= {
    chartJs: readAsset(chartJsPath()),
    chartScript: BROWSER_FILES.map((file) => readAsset(join(repositoryRoot(), 'lab', 'report', 'browser', file))).join('\n'),
  };
  return cached;
}

/** chart.js does not export its UMD file; it sits beside the CommonJS entry that it does export. */
export function chartJsPath(): string {
  return join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js');
}

function readAsset(path: string): string {
  if (!existsSync(path)) throw new ReportAssetError(path, 'missing (is chart.js installed? npm ci)');
  // The source map comment would point at a file a report does not carry.
  const text = readFileSync(path, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  if (/<\/script|<!--/i.test(text)) throw new ReportAssetError(path, 'contains "</script" or "<!--" and cannot be inlined');
  return text;
}
