import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntryNotBuiltError } from './errors.js';

/** The repository root, whether this file runs from source (lab/runner/) or compiled (dist/lab/runner/). */
export function repositoryRoot(): string {
  const twoUp = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return basename(twoUp) === 'dist' ? dirname(twoUp) : twoUp;
}

/**
 * The compiled file to run for an app entry: its bundle `<root>/dist/bundle/variants/monolith/main.mjs`
 * (scripts/bundle-apps.mjs, one file to load) when there is one, else `<root>/dist/variants/monolith/main.js`.
 * Apps always run compiled, so start-up time is not spent compiling TypeScript.
 */
export function resolveEntry(entry: string, rootDir: string = repositoryRoot()): string {
  const bundlePath = resolve(rootDir, 'dist', 'bundle', entry.replace(/\.(m?)ts$/, '.mjs'));
  if (existsSync(bundlePath)) return bundlePath;
  const compiledPath = resolve(rootDir, 'dist', entry.replace(/\.(m?)ts$/, '.$1js'));
  if (!existsSync(compiledPath)) throw new EntryNotBuiltError(entry, compiledPath);
  return compiledPath;
}
