import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the folder holding `lab/process/guard.cjs`, found from the sources or from dist/. */
export function labRoot(): string {
  const here = fileURLToPath(import.meta.url);
  for (let dir = dirname(here); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'lab', 'process', 'guard.cjs'))) return dir;
    if (dirname(dir) === dir) throw new Error(`lab/process/guard.cjs not found above ${here}`);
  }
}

export function guardScriptPath(): string {
  return join(labRoot(), 'lab', 'process', 'guard.cjs');
}
