// After `tsc`: bundles each app entry of the topologies into one file under dist/bundle/, so a process
// starts without resolving and compiling hundreds of modules (it halves the CPU an app needs to be
// ready, which is what a cold start and every restart wait for). better-sqlite3 stays external: it is a
// native module. The runner prefers dist/bundle/<entry>.mjs and falls back to dist/<entry>.js.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { TOPOLOGIES } = await import(join(root, 'dist/lab/topology/registry.js'));
const entries = [...new Set(Object.values(TOPOLOGIES).flatMap((t) => t.components.filter((c) => c.kind === 'app').map((c) => c.entry)))];
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(entries.map((entry) => [entry.replace(/\.ts$/, ''), join(root, 'dist', entry.replace(/\.ts$/, '.js'))])),
  outdir: join(root, 'dist/bundle'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['better-sqlite3'],
  // Bundled CommonJS dependencies (express, pino…) call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as __archlabCreateRequire } from 'node:module'; const require = __archlabCreateRequire(import.meta.url);" },
  keepNames: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`bundled ${entries.length} app entries into dist/bundle/`);
