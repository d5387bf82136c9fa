/**
 * The noise guard decides verdicts: the same short crash scenario on the monolith, once on a quiet
 * machine (held) and once beside a busy loop that the lab did not start (inconclusive, naming the CPU).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVariant } from '../../lab/scenario/run-variant.js';
import { parseScenario } from '../../lab/scenario/schema.js';
import { summarizeVariant } from '../../lab/scenario/summarize.js';
import { evaluateHypotheses } from '../../lab/scenario/verdicts.js';
import { monolithTopology } from '../../variants/monolith/topology.js';

const workDir = mkdtempSync(join(tmpdir(), 'archlab-noise-'));
let busyPid: number | undefined;
const stopBusy = () => {
  if (busyPid !== undefined) try { process.kill(busyPid, 'SIGKILL'); } catch { /* already gone */ }
  busyPid = undefined;
};
afterAll(() => {
  stopBusy();
  rmSync(workDir, { recursive: true, force: true });
});

const scenario = parseScenario({
  name: 'short-crash',
  title: 'a short crash of recommendations',
  description: 'recommendations crash in the monolith for two seconds',
  variants: ['monolith'],
  load: { ratePerSecond: 10 },
  probes: { intervalMs: 50 },
  // 8 s after the heal: the crash loop's back-off can keep the monolith down ~2 s past it, and the steady
  // state after the heal is judged on the last 3 s.
  timing: { warmupMs: 1_000, measureMs: 12_000 },
  faults: [{ kind: 'module-crash', target: 'recommendations', atMs: 2_000, durationMs: 2_000 }],
  hypotheses: { monolith: { statement: 'every journey fails', expect: { all: ['failing'] } } },
}, 'test');

async function verdictOfOneRun(dir: string) {
  const record = await runVariant({ scenario, topology: monolithTopology, runDir: join(workDir, dir) });
  expect(record.error).toBeUndefined();
  const summary = summarizeVariant(record, scenario);
  return { summary, verdict: evaluateHypotheses(scenario, [summary])[0] };
}

describe('verdicts and the machine\'s quiet', () => {
  it('holds on a quiet machine', async () => {
    const { summary, verdict } = await verdictOfOneRun('quiet');
    expect(summary.noise?.samples).toBeGreaterThan(4);
    expect(summary.noise?.reasons).toEqual([]);
    expect(verdict?.status).toBe('held');
  }, 90_000);

  it('is inconclusive beside a busy loop the lab did not start, and says so', async () => {
    // Not a child of this process (the lab, here): started by a shell that exits at once, so it is adopted
    // by init, as any other program on the machine would be.
    busyPid = Number(execFileSync('sh', ['-c', `"${process.execPath}" -e "for (;;) {}" >/dev/null 2>&1 & echo $!`], { encoding: 'utf8' }).trim());
    try {
      const { summary, verdict } = await verdictOfOneRun('busy');
      expect(summary.noise?.inconclusive).toBe(true);
      expect(summary.noise?.foreignCpuPercent?.mean).toBeGreaterThan(50);
      expect(summary.noise?.reasons.join()).toMatch(/other processes used \d+% of a CPU core/);
      expect(verdict?.status).toBe('inconclusive');
      expect(verdict?.reason).toContain('other processes used');
    } finally {
      stopBusy();
    }
  }, 90_000);
});
