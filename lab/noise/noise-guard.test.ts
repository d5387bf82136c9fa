/**
 * The guard on this machine, against the kernel's own figures. The machine is shared (other people's
 * tests may hold both cores), so no phase assumes it is quiet: each compares what the guard attributes
 * with what the processes the test started really used (their own /proc counters), and the thresholds
 * are generous.
 *
 *   test process ──▶ fake lab (guarded root, own process group) ──▶ light child ──▶ busy loop | bursts
 *        └────────▶ busy loop outside the lab
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeNoise, type NoiseReport } from './judge-noise.js';
import { nextDue, startNoiseGuard } from './noise-guard.js';
import { parseProcessStat, type ProcessStat } from './process-stat.js';
import { clockTicksPerSecond } from './read-proc.js';

const PHASE_MS = 3_200;

interface Phase { readonly report: NoiseReport; readonly seconds: number; readonly truthPercent: number }

describe('nextDue', () => {
  it('keeps the grid, and skips slots a late tick missed', () => {
    expect(nextDue(1000, 1000, 1003)).toBe(2000);
    expect(nextDue(1000, 1000, 3500)).toBe(4000);
  });
});

describe('startNoiseGuard', () => {
  it('records nothing, and says why, where there is no /proc', async () => {
    const guard = await startNoiseGuard({ procDir: '/nonexistent-proc' });
    expect(guard.unavailable).toMatch(/nonexistent-proc\/stat/);
    expect(await guard.stop()).toEqual([]);
  });
});

describe.runIf(process.platform === 'linux')('startNoiseGuard on this machine', () => {
  let fakeLab: ChildProcess;
  let lightPid: number;
  const outside: ChildProcess[] = [];

  beforeAll(async () => {
    fakeLab = spawn(process.execPath, [new URL('./fixtures/fake-lab.cjs', import.meta.url).pathname], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
    lightPid = (await reply(fakeLab, 'ready')).lightPid as number;
  });

  afterAll(() => {
    for (const loop of outside) loop.kill('SIGKILL');
    // The fake lab leads its own process group: this ends it, its light child and whatever that started.
    if (fakeLab.pid !== undefined) {
      try {
        process.kill(-fakeLab.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('quiet: the lab\'s idle processes are not busy', async () => {
    const { report } = await phase(fakeLab.pid, lightPid, 'own');
    expect(report.samples).toBeGreaterThanOrEqual(3);
    expect(report.labCpuPercent?.mean).toBeLessThan(15);
    // Whatever else runs here is foreign, and foreign is the machine's busy time minus the lab's.
    expect(report.foreignCpuPercent?.mean).toBeCloseTo((report.machineCpuPercent?.mean ?? 0) - (report.labCpuPercent?.mean ?? 0), -1);
  });

  it('a busy loop the lab did not start is foreign: over half a core, and the verdict is inconclusive naming the CPU', async () => {
    const loop = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    outside.push(loop);
    await delay(300);
    try {
      const { report, truthPercent } = await phase(fakeLab.pid, loop.pid ?? 0, 'own');
      expect(report.foreignCpuPercent?.mean).toBeGreaterThan(50);
      expect(report.foreignCpuPercent?.mean).toBeGreaterThan(truthPercent * 0.8);
      expect(report.labCpuPercent?.mean).toBeLessThan(15);
      expect(report.inconclusive).toBe(true);
      expect(report.reasons.join('\n')).toMatch(/other processes used \d+% of a CPU core/);
    } finally {
      loop.kill('SIGKILL');
    }
  });

  it('a busy loop inside the lab\'s tree (a grandchild) counts as the lab\'s, not as foreign', async () => {
    const loopPid = (await send(fakeLab, { type: 'loop' })).pid as number;
    try {
      const { report, truthPercent } = await phase(fakeLab.pid, loopPid, 'own');
      expect(truthPercent).toBeGreaterThan(20);
      expect(report.labCpuPercent?.mean).toBeGreaterThan(truthPercent * 0.8);
      expect(report.foreignCpuPercent?.mean).toBeLessThan((report.machineCpuPercent?.mean ?? 0) - truthPercent * 0.8);
    } finally {
      await send(fakeLab, { type: 'calm' });
    }
  });

  it('short busy children that start and exit between samples still count as the lab\'s (through cutime)', async () => {
    await send(fakeLab, { type: 'bursts' });
    await delay(500);
    try {
      const { report, truthPercent } = await phase(fakeLab.pid, lightPid, 'own+reaped');
      expect(truthPercent).toBeGreaterThan(20);
      // Seen only while alive (without cutime), they count for under a tenth of what they used.
      expect(report.labCpuPercent?.mean).toBeGreaterThan(truthPercent * 0.7);
      expect(report.labCpuPercent?.mean).toBeLessThan(truthPercent * 1.3 + 10);
    } finally {
      await send(fakeLab, { type: 'calm' });
    }
  });
}, 60_000);

/**
 * Guards `rootPid` for one phase; the truth is what `watchedPid` used meanwhile by its own counters
 * (its threads, or its threads and the children it reaped), in % of one core.
 */
async function phase(rootPid: number | undefined, watchedPid: number, truth: 'own' | 'own+reaped'): Promise<Phase> {
  const ticksPerSecond = await clockTicksPerSecond();
  const used = (stat: ProcessStat) => stat.ownTicks + (truth === 'own+reaped' ? stat.reapedTicks : 0);
  const guard = await startNoiseGuard({ rootPid });
  const before = await statOf(watchedPid);
  await delay(PHASE_MS);
  const samples = await guard.stop();
  const after = await statOf(watchedPid);
  const seconds = samples.reduce((sum, s) => sum + s.durationMs, 0) / 1000;
  const truthPercent = ((used(after) - used(before)) / ticksPerSecond / seconds) * 100;
  const report = judgeNoise(samples);
  console.log(JSON.stringify({ truth, truthPercent: Math.round(truthPercent), foreign: report.foreignCpuPercent, lab: report.labCpuPercent, machine: report.machineCpuPercent }));
  return { report, seconds, truthPercent };
}

async function statOf(pid: number): Promise<ProcessStat> {
  return parseProcessStat(await readFile(`/proc/${pid}/stat`, 'utf8'));
}

function send(child: ChildProcess, message: { type: string }): Promise<Record<string, unknown>> {
  const answered = reply(child, message.type);
  child.send(message);
  return answered;
}

function reply(child: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fake lab did not answer "${type}" within 10 s`)), 10_000);
    const onMessage = (message: Record<string, unknown>) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
  });
}
