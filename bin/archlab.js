#!/usr/bin/env node
// The CLI runs from the compiled tree: every lab process starts from dist/ so that start-up is not spent compiling.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/lab/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('archlab: the compiled lab is missing (dist/). Run `npm run build` (npm ci does it for you).');
  process.exit(2);
}
await import(entry);
