/**
 * What the command line does with reports: `archlab report [run-dir] [--png]` rebuilds one run's
 * report (or every run's) and the index; `archlab run`/`suite` publish each run as it is written.
 */
import { relative, resolve, sep } from 'node:path';
import { buildIndex } from './build-index.js';
import { buildReport } from './build-report.js';
import { findRunDirs } from './read-run.js';
import { renderPngs } from './render-pngs.js';

export interface ReportCommandOptions {
  /** One run folder; every run under `resultsRoot` when absent. */
  readonly runDir?: string;
  readonly png: boolean;
  readonly resultsRoot: string;
  readonly print: (line: string) => void;
}

/** Exit code: 0, or 1 when some run of many could not be reported (each is named). One bad run-dir throws. */
export async function reportCommand(options: ReportCommandOptions): Promise<number> {
  const { print, resultsRoot } = options;
  const dirs = options.runDir ? [resolve(options.runDir)] : findRunDirs(resultsRoot).map((d) => d.dir);
  let failed = 0;
  for (const dir of dirs) {
    try {
      const built = buildReport(dir);
      print(`report: ${built.path} (${Math.round(built.bytes / 1024)} KB, ${built.ms} ms)`);
      if (options.png) {
        const rendered = await renderPngs(dir);
        print(`png:    ${rendered.files.length} charts in ${resolve(dir, 'png')} (${rendered.ms} ms)`);
        if (rendered.blockedRequests.length > 0) print(`warning: the report tried to reach ${rendered.blockedRequests.join(', ')} (blocked)`);
      }
    } catch (error) {
      if (options.runDir) throw error;
      failed += 1;
      print(`skipped ${dir}: ${(error as Error).message}`);
    }
  }
  if (!options.runDir || isInside(dirs[0] as string, resultsRoot)) printIndex(resultsRoot, print);
  return failed === 0 ? 0 : 1;
}

/** After `archlab run`/`suite` wrote a run: its report and the index. A failure here never fails the run. */
export function publishRun(runDir: string, resultsRoot: string, print: (line: string) => void): void {
  try {
    print(`report: ${buildReport(runDir).path}`);
    printIndex(resultsRoot, print);
  } catch (error) {
    print(`warning: no report for ${runDir}: ${(error as Error).message} (retry with: archlab report ${runDir})`);
  }
}

function printIndex(resultsRoot: string, print: (line: string) => void): void {
  const index = buildIndex(resultsRoot);
  print(`index:  ${index.path} (${index.runs} runs; compare: ${index.comparePath})`);
  for (const line of index.unreadable) print(`warning: unreadable run ${line}`);
}

function isInside(dir: string, root: string): boolean {
  const path = relative(resolve(root), dir);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..';
}
