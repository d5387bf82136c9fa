/**
 * Issue 5's figures: the reports of the quick suite's reference run (results/reference/), rebuilt here:
 * the size of each page and the time to build it, against 2 MB and 3 s.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex, buildReport, findRunDirs } from '../../lab/report/index.js';
import { repositoryRoot } from '../../lab/runner/index.js';
import { fmt, verdict } from '../support.js';

export async function reportSection(print: (line: string) => void): Promise<void> {
  const reference = join(repositoryRoot(), 'results', 'reference');
  const copy = mkdtempSync(join(tmpdir(), 'archlab-bench-report-'));
  try {
    cpSync(reference, join(copy, 'reference'), { recursive: true });
    const runs = findRunDirs(copy);
    if (runs.length === 0) {
      print('no reference run under results/reference/: nothing to measure');
      return;
    }
    let totalBytes = 0;
    let largest = 0;
    let slowest = 0;
    const started = performance.now();
    for (const { dir } of runs) {
      const built = buildReport(dir);
      totalBytes += built.bytes;
      largest = Math.max(largest, built.bytes);
      slowest = Math.max(slowest, built.ms);
    }
    const allMs = performance.now() - started;
    const index = buildIndex(copy);
    print(`${runs.length} reports of the reference quick suite: largest ${fmt(largest / 1024)} KB, all together ${fmt(totalBytes / 1024)} KB   target < 2 MB each: ${verdict(largest < 2 * 1024 * 1024)}`);
    print(`built in ${fmt(allMs)} ms for all (slowest page ${fmt(slowest)} ms), index ${fmt(index.ms)} ms   target < 3 s: ${verdict(allMs < 3000)}`);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
