/**
 * Issue 9's figures: what a replica costs and buys, per packaging, side by side in one run.
 * - resident memory per process and start-to-ready, each variant with one replica of everything;
 * - the product read (GET /api/products/:id through the public edge, closed-loop autocannon) with 1 and
 *   then 2 replicas of the component that serves it: monolith shop, soa product-service, micro catalog.
 * On two cores a second replica competes with everything else for the same CPU: the ratio says what
 * contention leaves of the gain, and nothing here promises it is above 1.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Topology, VariantName } from '../../boundary/topology.js';
import { startVariant, type RunningVariant } from '../../lab/runner/index.js';
import { TOPOLOGIES } from '../../lab/topology/registry.js';
import { withReplicas } from '../../lab/topology/replicas.js';
import { fmt, measureThroughput } from '../support.js';

/** The component whose replicas serve the product read in each packaging. */
const SERVES_PRODUCT: Record<VariantName, string> = { monolith: 'shop', soa: 'product-service', micro: 'catalog' };
const PRODUCT = '/api/products/p0042';

export async function replicasSection(print: (line: string) => void, quick: boolean): Promise<void> {
  const seconds = quick ? 3 : 8;
  print('variant   start → ready (apps only)   app processes   resident memory per app process (min / median / max)   total');
  for (const topology of Object.values(TOPOLOGIES)) {
    await withVariant(topology, async (running, readyMs) => {
      const apps = appsReadyMs(running);
      const rss = appPids(running).map(residentMb).filter((mb): mb is number => mb !== undefined).sort((a, b) => a - b);
      const median = rss[Math.floor(rss.length / 2)] ?? 0;
      print(`${topology.variant.padEnd(9)} ${fmt(readyMs).padStart(7)} ms (${fmt(apps)} ms)   ${String(rss.length).padStart(13)}   ${fmt(rss[0] ?? 0)} / ${fmt(median)} / ${fmt(rss.at(-1) ?? 0)} MB${' '.repeat(34)}${fmt(rss.reduce((a, b) => a + b, 0))} MB`);
    });
  }
  print(`\nproduct read (autocannon, 16 connections, ${seconds} s) with 1 and 2 replicas of the component serving it`);
  for (const topology of Object.values(TOPOLOGIES)) {
    const component = SERVES_PRODUCT[topology.variant];
    const rates: number[] = [];
    for (const replicas of [1, 2]) {
      await withVariant(withReplicas(topology, { [component]: replicas }), async (running, readyMs) => {
        const t = await measureThroughput(running.edgeUrl + PRODUCT, seconds);
        rates.push(t.requestsPerSecond);
        const memory = running.components.find((c) => c.name === component)!.pids.map((pid) => (pid === undefined ? 0 : residentMb(pid) ?? 0));
        print(`  ${topology.variant.padEnd(9)} ${component}×${replicas}: ${fmt(t.requestsPerSecond).padStart(6)} req/s  p99 ${fmt(t.p99Ms)} ms  non-2xx ${t.non2xx}  ready in ${fmt(readyMs)} ms  ${component} memory ${memory.map((m) => fmt(m)).join(' + ')} MB`);
      });
    }
    const [one = 0, two = 0] = rates;
    print(`  ${topology.variant.padEnd(9)} 2 replicas ÷ 1: ${fmt(two / one, 2)}  (two cores shared by the load generator, the edge, the brokers and every replica)`);
  }
}

async function withVariant(topology: Topology, measure: (running: RunningVariant, readyMs: number) => Promise<void>): Promise<void> {
  const runDir = mkdtempSync(join(tmpdir(), `archlab-bench-${topology.variant}-`));
  const started = performance.now();
  const running = await startVariant(topology, { runDir });
  try {
    await measure(running, performance.now() - started);
  } finally {
    await running.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** From the first app process spawned to the last one ready: the start without the brokers'. */
function appsReadyMs(running: RunningVariant): number {
  const apps = new Set(running.components.filter((c) => c.kind === 'app').map((c) => c.name));
  const events = running.events().filter((e) => apps.has(e.component));
  const first = Math.min(...events.filter((e) => e.type === 'starting').map((e) => e.tMs));
  const last = Math.max(...events.filter((e) => e.type === 'ready').map((e) => e.tMs));
  return last - first;
}

function appPids(running: RunningVariant): number[] {
  return running.components.filter((c) => c.kind === 'app').flatMap((c) => c.pids.filter((p): p is number => p !== undefined));
}

/** VmRSS of a live process, in MB. */
function residentMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}
