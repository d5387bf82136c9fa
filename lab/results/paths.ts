import { join } from 'node:path';
import { repositoryRoot } from '../runner/index.js';

/** 2: verdict statuses, steady state, noise, repeats, capacity search; timeline.json wrapped with its version. */
export const RESULTS_SCHEMA_VERSION = 2;

export function resultsRoot(): string {
  return process.env.ARCHLAB_RESULTS_DIR ?? join(repositoryRoot(), 'results');
}

/** `results/runs/2026-11-26T01-30-00-000Z-crash-recommendations` */
export function runDirName(startedAt: Date, scenario: string): string {
  return `${startedAt.toISOString().replace(/[:.]/g, '-')}-${scenario}`;
}
