import { join } from 'node:path';
import { repositoryRoot } from '../runner/index.js';

export const RESULTS_SCHEMA_VERSION = 1;

export function resultsRoot(): string {
  return process.env.ARCHLAB_RESULTS_DIR ?? join(repositoryRoot(), 'results');
}

/** `results/runs/2026-11-26T01-30-00-000Z-crash-recommendations` */
export function runDirName(startedAt: Date, scenario: string): string {
  return `${startedAt.toISOString().replace(/[:.]/g, '-')}-${scenario}`;
}
