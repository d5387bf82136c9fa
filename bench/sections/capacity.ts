/**
 * Issue 8's capacity figure: the monolith's single-journey capacity for the product page, found by the
 * lab's search, beside autocannon on the same server.
 *
 * Not the same question, so not the same number: autocannon is closed-loop (16 connections, each sends
 * its next request when the last one answered — the most the server can do, whatever the latency); the
 * lab's capacity is the highest open-model rate (requests start on schedule, answered or not) whose p99
 * from scheduled start stays under the SLO. The product journey is two requests (the product, then its
 * recommendations), so the like-for-like yardstick is autocannon sending that same pair; autocannon on the
 * product route alone is printed too. The lab picks a random product per run; autocannon reads p0042.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capacityLabel } from '../../lab/metrics/index.js';
import { capacityMix, generatorRequestsPerSecond, requestsPerRun, runCapacitySearch } from '../../lab/scenario/capacity-search/index.js';
import { parseScenario } from '../../lab/scenario/schema.js';
import { fmt, measureThroughput, spawnServer, verdict } from '../support.js';

const PRODUCT = '/api/products/p0042';
const TARGET_WITHIN = 0.25;

export async function capacitySection(print: (line: string) => void, quick: boolean): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'archlab-bench-capacity-'));
  const env = { ARCHLAB_VARIANT: 'monolith', ARCHLAB_COMPONENT: 'shop', ARCHLAB_DATA_DIR: dataDir, ARCHLAB_LOG_LEVEL: 'warn' };
  const shop = await spawnServer('variants/monolith/main.ts', env, '/readyz');
  try {
    const seconds = quick ? 3 : 8;
    const route = await measureThroughput(shop.url + PRODUCT, seconds);
    const page = await pageThroughput(shop.url, seconds);
    print(`  autocannon GET ${PRODUCT}: ${fmt(route.requestsPerSecond)} req/s (p99 ${fmt(route.p99Ms)} ms, non-2xx ${route.non2xx})`);
    print(`  autocannon product page (GET ${PRODUCT}, then its recommendations): ${fmt(page.requestsPerSecond)} req/s = ${fmt(page.requestsPerSecond / 2)} pages/s (p99 ${fmt(page.p99Ms)} ms, non-2xx ${page.non2xx})`);

    const scenario = parseScenario({
      name: 'bench-capacity', title: 'bench: product page capacity', description: 'the monolith, the product journey alone',
      variants: ['monolith'], load: { ratePerSecond: 0 }, timing: { warmupMs: quick ? 1_500 : 3_000, measureMs: 5_000 },
      capacity: { startRatePerSecond: 100, stepDurationMs: quick ? 1_500 : 4_000, settleMs: quick ? 500 : 1_000, precision: 0.1, journey: 'product' },
    }, 'bench/sections/capacity.ts');
    const mix = capacityMix(scenario);
    // --quick: a rougher generator ceiling (1 s trials) instead of the lab's 2 s ones.
    const generatorCeiling = quick
      ? async () => Math.floor((await generatorRequestsPerSecond({ seconds: 1, startRatePerSecond: 1_000, warmupMs: 500 })) / requestsPerRun(mix))
      : undefined;
    const started = performance.now();
    const { capacity } = await runCapacitySearch({ edgeUrl: shop.url, scenario, generatorCeiling });
    const searchSeconds = (performance.now() - started) / 1000;
    print(`  lab search (${capacity.steps.length} steps, ${fmt(searchSeconds, 1)} s): ${capacity.steps.map((s) => `${s.ratePerSecond}${s.withinSlo ? '✓' : s.generatorLimited ? '⊘' : '✗'}`).join(' ')}`
      + (capacity.generatorCeilingPerSecond === null ? '' : `; generator ceiling ${fmt(capacity.generatorCeilingPerSecond)} pages/s`));
    const label = capacityLabel(capacity);
    const lab = capacity.capacityPerSecond;
    if (lab === null) {
      print(`product page capacity: lab ${label}; no ratio   target within ${TARGET_WITHIN * 100}% of autocannon: ${verdict(false)}`);
      return;
    }
    const ratio = lab / (page.requestsPerSecond / 2);
    const comparison = 'autocannon is closed-loop maximum throughput; the lab\'s capacity is the highest open-model rate with p99 under the SLO';
    print(`  lab ${fmt(lab * 2)} req/s ÷ autocannon's product route alone ${fmt(route.requestsPerSecond)} req/s = ${fmt((lab * 2) / route.requestsPerSecond, 2)} (information: the recommendations request costs more than the product read)`);
    if (capacity.censored) {
      print(`product page capacity: lab ${label} vs autocannon ${fmt(page.requestsPerSecond / 2)} pages/s: ratio ≥ ${fmt(ratio, 2)} (a lower bound: the lab did not find the knee)   target within ${TARGET_WITHIN * 100}%: ${Math.abs(ratio - 1) <= TARGET_WITHIN ? verdict(true) : 'inconclusive (censored)'}. Note: ${comparison}.`);
      return;
    }
    print(`product page capacity: lab ${label} (p99 ≤ ${capacity.sloP99Ms} ms) vs autocannon ${fmt(page.requestsPerSecond / 2)} pages/s: ratio ${fmt(ratio, 2)}   target within ${TARGET_WITHIN * 100}%: ${verdict(Math.abs(ratio - 1) <= TARGET_WITHIN)}. Note: ${comparison}.`);
  } finally {
    await shop.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** autocannon sending the product journey's two requests in turn on each connection. */
async function pageThroughput(url: string, durationSeconds: number): Promise<{ requestsPerSecond: number; p99Ms: number; non2xx: number }> {
  const result = await autocannon({
    url, connections: 16, duration: durationSeconds, pipelining: 1,
    requests: [{ method: 'GET', path: PRODUCT }, { method: 'GET', path: `${PRODUCT}/recommendations` }],
  });
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx + result.errors };
}
