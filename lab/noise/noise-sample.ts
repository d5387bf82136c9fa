/**
 * One interval between two snapshots, in % of one core (100 = one core busy the whole interval):
 *
 *   machine = Δ busy ticks of /proc/stat
 *   lab     = Σ over the lab's processes of the CPU each used in the interval
 *   foreign = machine − lab, never below 0
 *
 * A process's CPU in the interval is Δ(utime + stime + cutime + cstime): its own threads plus the
 * children it reaped meanwhile. A reaped child brings its whole life's CPU into the parent's cutime, so
 * the part of it the earlier snapshot already held is taken back from the parent: a supervisor that
 * restarts an app killed after a minute of work does not look like a minute spent in one second.
 *
 * Known error, small and on the safe side (it can only make foreign look larger): a lab process that
 * exits and is reaped by a process outside the lab (the lab's own root, or epmd, which pid 1 reaps)
 * loses what it used since the previous snapshot — at most one interval of that one process.
 */
import { processKey, type ProcessStat } from './process-stat.js';
import type { CpuSnapshot } from './snapshot.js';

export interface ProcessCpu {
  readonly pid: number;
  readonly command: string;
  /** % of one core over the interval (or the window, in a report). */
  readonly cpuPercent: number;
}

export interface NoiseSample {
  /** Epoch ms at the end of the interval. */
  readonly atMs: number;
  readonly durationMs: number;
  readonly cores: number;
  readonly machineCpuPercent: number;
  readonly labCpuPercent: number;
  readonly foreignCpuPercent: number;
  /** What the hypervisor held back from this machine's CPUs (steal time); not in the foreign CPU. */
  readonly stealCpuPercent?: number;
  /** How many of the lab's processes were alive at the end. */
  readonly labProcesses: number;
  /** The processes outside the lab that used the most CPU, busiest first (at most three, each ≥ 1%). */
  readonly busiestForeign: readonly ProcessCpu[];
}

const BUSIEST_SHOWN = 3;
const BUSIEST_MIN_PERCENT = 1;

export function noiseSample(before: CpuSnapshot, after: CpuSnapshot, labKeys: ReadonlySet<string>, ticksPerSecond: number): NoiseSample {
  const durationMs = after.monotonicMs - before.monotonicMs;
  const percent = (ticks: number) => (durationMs > 0 ? (ticks / ticksPerSecond / (durationMs / 1000)) * 100 : 0);
  const ticks = ticksByProcess(before, after);
  let labTicks = 0;
  const foreign: ProcessCpu[] = [];
  for (const [key, used] of ticks) {
    if (labKeys.has(key)) labTicks += used;
    else if (used > 0) {
      const process = after.processes.get(key);
      if (process) foreign.push({ pid: process.pid, command: process.command, cpuPercent: percent(used) });
    }
  }
  const machineTicks = Math.max(0, after.machine.busyTicks - before.machine.busyTicks);
  const stealTicks = Math.max(0, (after.machine.stealTicks ?? 0) - (before.machine.stealTicks ?? 0));
  return {
    atMs: after.epochMs,
    durationMs,
    cores: after.machine.cores,
    machineCpuPercent: percent(machineTicks),
    labCpuPercent: percent(labTicks),
    // Steal is the hypervisor's, not a process's: judged apart (thresholds.ts).
    foreignCpuPercent: percent(Math.max(0, machineTicks - stealTicks - labTicks)),
    stealCpuPercent: percent(stealTicks),
    labProcesses: [...after.processes.keys()].filter((key) => labKeys.has(key)).length,
    busiestForeign: foreign
      .filter((p) => p.cpuPercent >= BUSIEST_MIN_PERCENT)
      .sort((a, b) => b.cpuPercent - a.cpuPercent)
      .slice(0, BUSIEST_SHOWN),
  };
}

/** CPU ticks each process alive at `after` used since `before`, reaped children settled as above. */
export function ticksByProcess(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const [key, process] of after.processes) {
    const earlier = before.processes.get(key);
    ticks.set(key, totalTicks(process) - (earlier ? totalTicks(earlier) : 0));
  }
  const beforeByPid = new Map([...before.processes.values()].map((p) => [p.pid, p]));
  const reapedGainLeft = new Map<string, number>();
  for (const [key, gone] of before.processes) {
    if (after.processes.has(key)) continue;
    const survivor = survivingAncestor(gone, beforeByPid, after);
    if (survivor === undefined) continue;
    const [survivorKey, survivorBefore, survivorAfter] = survivor;
    // Take back no more than the survivor's cutime grew: a child nobody waited for added nothing.
    const gainLeft = reapedGainLeft.get(survivorKey) ?? survivorAfter.reapedTicks - survivorBefore.reapedTicks;
    const takeBack = Math.max(0, Math.min(totalTicks(gone), gainLeft));
    reapedGainLeft.set(survivorKey, gainLeft - takeBack);
    ticks.set(survivorKey, (ticks.get(survivorKey) ?? 0) - takeBack);
  }
  const machineTicks = Math.max(0, after.machine.busyTicks - before.machine.busyTicks);
  for (const [key, used] of ticks) ticks.set(key, Math.min(Math.max(0, used), machineTicks));
  return ticks;
}

/**
 * The nearest ancestor, as the earlier snapshot knew the tree, that is still alive: when a whole chain
 * ends in one interval (a shell, the npm under it, the node under that), each reaps the one below and
 * the survivor's cutime receives the chain's whole life.
 */
function survivingAncestor(gone: ProcessStat, beforeByPid: ReadonlyMap<number, ProcessStat>, after: CpuSnapshot): [string, ProcessStat, ProcessStat] | undefined {
  const seen = new Set<number>();
  for (let parent = beforeByPid.get(gone.ppid); parent !== undefined && !seen.has(parent.pid); parent = beforeByPid.get(parent.ppid)) {
    seen.add(parent.pid);
    const key = processKey(parent);
    const alive = after.processes.get(key);
    if (alive) return [key, parent, alive];
  }
  return undefined;
}

function totalTicks(process: ProcessStat): number {
  return process.ownTicks + process.reapedTicks;
}
