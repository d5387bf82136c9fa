/**
 * `results/index.html`: every run (under runs/ and reference/), newest first, with its headline
 * numbers and a relative link to its report; and `results/compare.html`: the latest run of each
 * scenario, the variants side by side. Read from run.json alone.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_FILE } from './build-report.js';
import { comparePage, indexPage, type IndexedRun } from './index-pages.js';
import { findRunDirs, readRunFile } from './read-run.js';

export const INDEX_FILE = 'index.html';
export const COMPARE_FILE = 'compare.html';

export interface BuiltIndex {
  readonly path: string;
  readonly comparePath: string;
  readonly runs: number;
  /** Run folders whose run.json could not be read, with why: listed on the page too. */
  readonly unreadable: readonly string[];
  readonly ms: number;
}

export function buildIndex(resultsRoot: string): BuiltIndex {
  const startedMs = performance.now();
  const runs: IndexedRun[] = [];
  const unreadable: string[] = [];
  for (const { dir, group, name } of findRunDirs(resultsRoot)) {
    try {
      runs.push({ run: readRunFile(dir), group, name, hasReport: existsSync(join(dir, REPORT_FILE)) });
    } catch (error) {
      unreadable.push(`${group}/${name}: ${(error as Error).message}`);
    }
  }
  runs.sort((a, b) => b.run.startedAt.localeCompare(a.run.startedAt) || a.name.localeCompare(b.name));
  mkdirSync(resultsRoot, { recursive: true });
  const path = join(resultsRoot, INDEX_FILE);
  const comparePath = join(resultsRoot, COMPARE_FILE);
  writeFileSync(path, indexPage(runs, unreadable));
  writeFileSync(comparePath, comparePage(latestPerScenario(runs)));
  return { path, comparePath, runs: runs.length, unreadable, ms: Math.round(performance.now() - startedMs) };
}

/** The newest run of each scenario, the scenarios in name order; `runs` is newest first. */
function latestPerScenario(runs: readonly IndexedRun[]): IndexedRun[] {
  const latest = new Map<string, IndexedRun>();
  for (const entry of runs) if (!latest.has(entry.run.scenario.name)) latest.set(entry.run.scenario.name, entry);
  return [...latest.values()].sort((a, b) => a.run.scenario.name.localeCompare(b.run.scenario.name));
}
