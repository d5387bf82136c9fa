/**
 * Issue 11's figures: what an idle studio costs, with all three variants at the default light load.
 * - the lab's own server side (this process: the studio's HTTP server, its live windows fed by the three
 *   load generators, the fault consoles), in % of one core, with no page open and then with one page's
 *   feed (server-sent events, one update a second) — the difference is what the page's updates cost;
 * - the resident memory of everything the studio runs: this process and every process under it (lab/scale-out/resident-memory.ts).
 * Target: the page's updates cost under 5% of one core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { STUDIO_RATE } from '../../lab/cli/commands/studio.js';
import { readResidentMemory } from '../../lab/scale-out/resident-memory.js';
import { startStudio } from '../../lab/studio/studio.js';
import { fmt, verdict } from '../support.js';

const TARGET_PERCENT = 5;

export async function studioSection(print: (line: string) => void, quick: boolean): Promise<void> {
  const seconds = quick ? 4 : 12;
  const runDir = mkdtempSync(join(tmpdir(), 'archlab-bench-studio-'));
  const studio = await startStudio({ variants: ['monolith', 'soa', 'micro'], ratePerSecond: STUDIO_RATE, runDir });
  try {
    await sleep(3_000);
    const idle = await cpuPercent(seconds);
    const feed = subscribe(`${studio.url}/api/events`);
    await sleep(1_500);
    const before = feed.updates;
    const watched = await cpuPercent(seconds);
    const received = feed.updates - before;
    feed.close();
    // This process and every process under it: the variants, their brokers, the load generators.
    const memory = await readResidentMemory([{ name: 'studio', kind: 'app', pid: process.pid }]);
    print(`studio, 3 variants at ${STUDIO_RATE} journeys/s each, ${seconds} s per figure`);
    print(`  lab server side, no page open:     ${fmt(idle, 1)}% of one core`);
    print(`  lab server side, one page's feed:  ${fmt(watched, 1)}% of one core (${received} updates, ${fmt(feed.bytes / Math.max(1, feed.updates) / 1024, 1)} KB each)`);
    const cost = watched - idle;
    const said = cost > 0 ? `${fmt(cost, 1)}% of one core` : `not measurable: the feed's figure is ${fmt(-cost, 1)} points below the idle one, within the noise`;
    print(`  the page's updates cost:           ${said}  (target < ${TARGET_PERCENT}%: ${verdict(cost < TARGET_PERCENT)})`);
    print(`  resident memory of everything:     ${fmt(memory.totalMb)} MB`);
  } finally {
    await studio.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** This process's CPU over `seconds`, in % of one core. */
async function cpuPercent(seconds: number): Promise<number> {
  const start = process.cpuUsage();
  const startedAt = performance.now();
  await sleep(seconds * 1_000);
  const used = process.cpuUsage(start);
  return ((used.user + used.system) / 1_000) / (performance.now() - startedAt) * 100;
}

/** A page's feed, as a plain client: the updates (server-sent events) and bytes received so far. */
function subscribe(url: string): { readonly updates: number; readonly bytes: number; close(): void } {
  const feed = { updates: 0, bytes: 0, close: () => req.destroy() };
  const req = request(url, (res) => {
    res.on('data', (chunk: Buffer) => {
      feed.bytes += chunk.length;
      feed.updates += chunk.toString().split('\n\n').length - 1;
    });
  });
  req.end();
  return feed;
}
