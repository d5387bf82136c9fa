/** Writes, or checks for drift, every file generated from the topologies. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Topology } from '../../boundary/topology.js';
import { composeFile, haproxyConfigPath } from './compose-file.js';
import { composeHaproxyConfig } from './haproxy-compose.js';
import { dockerfile } from './dockerfile.js';

export interface GeneratedFile { readonly path: string; readonly content: string }

export function generatedFiles(topologies: readonly Topology[]): GeneratedFile[] {
  return [
    ...topologies.map((t) => ({ path: `docker-compose.${t.variant}.yml`, content: composeFile(t) })),
    ...topologies.map((t) => ({ path: haproxyConfigPath(t), content: composeHaproxyConfig(t) })),
    { path: 'Dockerfile', content: dockerfile() },
  ];
}

export function writeGenerated(root: string, files: readonly GeneratedFile[]): string[] {
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
  }
  return files.map((f) => f.path);
}

/** The generated files whose content on disk differs from what the topologies give now. */
export function driftedFiles(root: string, files: readonly GeneratedFile[]): string[] {
  return files.filter((file) => {
    try {
      return readFileSync(join(root, file.path), 'utf8') !== file.content;
    } catch {
      return true;
    }
  }).map((f) => f.path);
}
