import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { driftedFiles, writeGenerated } from '../../compose/generate.js';
import { schemaFiles } from '../../results/schemas/json-schemas.js';
import { repositoryRoot } from '../../runner/index.js';

/** `archlab schemas [--check]`: writes schemas/*.schema.json from the zod schemas, or fails when they drifted. */
export function schemasCommand(check: boolean): { text: string; ok: boolean } {
  const root = repositoryRoot();
  const files = schemaFiles();
  if (!check) {
    mkdirSync(join(root, 'schemas'), { recursive: true });
    return { text: `wrote ${writeGenerated(root, files).join(', ')}`, ok: true };
  }
  const drifted = driftedFiles(root, files);
  return drifted.length === 0
    ? { text: `up to date: ${files.map((f) => f.path).join(', ')}`, ok: true }
    : { text: `stale (run \`archlab schemas\` and commit): ${drifted.join(', ')}`, ok: false };
}
