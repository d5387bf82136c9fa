/** Issue 2's figures: monolith cold start, and its read throughput against an express hello-world. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianOf } from '../../lab/metrics/spread.js';
import { fmt, measureThroughput, spawnServer, verdict } from '../support.js';

export async function monolithSection(print: (line: string) => void, quick: boolean): Promise<void> {
  const env = (dataDir: string) => ({ ARCHLAB_VARIANT: 'monolith', ARCHLAB_COMPONENT: 'shop', ARCHLAB_DATA_DIR: dataDir, ARCHLAB_LOG_LEVEL: 'warn' });
  const starts: number[] = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'archlab-bench-'));
    const server = await spawnServer('variants/monolith/main.ts', env(dataDir), '/readyz');
    starts.push(server.readyMs);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const coldStart = medianOf(starts);
  print(`monolith cold start to ready (fresh database, median of ${starts.length}): ${fmt(coldStart)} ms   target ≤ 1000 ms: ${verdict(coldStart <= 1000)}`);

  const seconds = quick ? 3 : 8;
  const hello = await spawnServer('bench/fixtures/hello-express.ts', {});
  const helloRate = await measureThroughput(hello.url + '/', seconds);
  await hello.stop();
  const dataDir = mkdtempSync(join(tmpdir(), 'archlab-bench-'));
  const shop = await spawnServer('variants/monolith/main.ts', env(dataDir), '/readyz');
  const search = await measureThroughput(`${shop.url}/api/products?q=oak%20kettle&pageSize=20`, seconds);
  const product = await measureThroughput(`${shop.url}/api/products/p0042`, seconds);
  await shop.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const rows: Array<[string, typeof helloRate]> = [['express 5 hello-world', helloRate], ['GET /api/products?q=oak kettle', search], ['GET /api/products/p0042', product]];
  for (const [name, t] of rows) {
    print(`  ${name.padEnd(32)} ${fmt(t.requestsPerSecond).padStart(7)} req/s  p99 ${fmt(t.p99Ms)} ms  non-2xx ${t.non2xx}   ratio to hello ${fmt(t.requestsPerSecond / helloRate.requestsPerSecond, 2)}`);
  }
  const ratio = product.requestsPerSecond / helloRate.requestsPerSecond;
  print(`product read throughput ÷ hello-world: ${fmt(ratio, 2)}   target ≥ 0.50: ${verdict(ratio >= 0.5)}`);
}
