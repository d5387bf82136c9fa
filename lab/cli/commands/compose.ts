import { driftedFiles, generatedFiles, writeGenerated } from '../../compose/generate.js';
import { repositoryRoot } from '../../runner/index.js';
import { TOPOLOGIES } from '../../topology/registry.js';

/** `archlab compose [--check]`: writes the compose files and Dockerfile, or fails when they drifted. */
export function composeCommand(check: boolean): { text: string; ok: boolean } {
  const root = repositoryRoot();
  const files = generatedFiles(Object.values(TOPOLOGIES));
  if (!check) return { text: `wrote ${writeGenerated(root, files).join(', ')}`, ok: true };
  const drifted = driftedFiles(root, files);
  return drifted.length === 0
    ? { text: `up to date: ${files.map((f) => f.path).join(', ')}`, ok: true }
    : { text: `stale (run \`archlab compose\` and commit): ${drifted.join(', ')}`, ok: false };
}
