/** A run folder's result files, read and checked enough to draw from: run.json and timeline.json. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_SCHEMA_VERSION } from '../results/paths.js';
import type { RunFile, TimelineFile } from '../results/write-run.js';
import { RunFilesError } from './errors.js';

export interface LoadedRun {
  readonly dir: string;
  readonly run: RunFile;
  /** Per variant; empty when the run wrote no timeline (it stopped before measuring anything). */
  readonly timeline: TimelineFile;
}

export function loadRun(runDir: string): LoadedRun {
  const run = readRunFile(runDir);
  const file = existsSync(join(runDir, 'timeline.json')) ? readJson(runDir, 'timeline.json') : {};
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw new RunFilesError(runDir, 'timeline.json is not an object');
  // Version 2 wraps the variants with a schemaVersion; files written before that are the variants alone.
  const timeline = 'schemaVersion' in file ? (file as { variants?: unknown }).variants : file;
  if (typeof timeline !== 'object' || timeline === null) throw new RunFilesError(runDir, 'timeline.json has no variants');
  return { dir: runDir, run, timeline: timeline as TimelineFile };
}

/** run.json alone: what the index needs. */
export function readRunFile(runDir: string): RunFile {
  const run = readJson(runDir, 'run.json');
  if (!isRunFile(run)) throw new RunFilesError(runDir, 'run.json lacks schemaVersion, scenario, variants or verdicts');
  if (run.schemaVersion > RESULTS_SCHEMA_VERSION) {
    throw new RunFilesError(runDir, `run.json has schema version ${run.schemaVersion}; this archlab reads up to ${RESULTS_SCHEMA_VERSION}`);
  }
  return run;
}

/** Run folders (those holding a run.json) directly under `<resultsRoot>/runs` and `<resultsRoot>/reference`. */
export function findRunDirs(resultsRoot: string): Array<{ dir: string; group: 'runs' | 'reference'; name: string }> {
  return (['runs', 'reference'] as const).flatMap((group) => {
    const parent = join(resultsRoot, group);
    if (!existsSync(parent)) return [];
    return readdirSync(parent)
      .filter((name) => statSync(join(parent, name)).isDirectory() && existsSync(join(parent, name, 'run.json')))
      .map((name) => ({ dir: join(parent, name), group, name }));
  });
}

function readJson(runDir: string, file: string): unknown {
  const path = join(runDir, file);
  if (!existsSync(path)) throw new RunFilesError(runDir, `no ${file}: not a run folder`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RunFilesError(runDir, `${file} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

function isRunFile(value: unknown): value is RunFile {
  const run = value as Partial<RunFile> | null;
  return typeof run === 'object' && run !== null && typeof run.schemaVersion === 'number'
    && typeof run.scenario === 'object' && run.scenario !== null && Array.isArray(run.variants) && Array.isArray(run.verdicts);
}
