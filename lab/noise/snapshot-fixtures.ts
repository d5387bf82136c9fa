/** For the unit tests: snapshots written as a table, one row per process. */
import { processKey, type ProcessStat } from './process-stat.js';
import type { CpuSnapshot } from './snapshot.js';

/** [pid, ppid, own ticks, reaped ticks, command?]; every process started at tick 1000 + pid. */
export type Row = readonly [number, number, number, number, string?];

export function snapshot(atMs: number, machineBusyTicks: number, rows: readonly Row[], cores = 2): CpuSnapshot {
  const processes = new Map<string, ProcessStat>();
  for (const [pid, ppid, ownTicks, reapedTicks, command = `p${pid}`] of rows) {
    const stat: ProcessStat = { pid, ppid, ownTicks, reapedTicks, command, state: 'S', startTicks: 1000 + pid };
    processes.set(processKey(stat), stat);
  }
  return { monotonicMs: atMs, epochMs: 1_700_000_000_000 + atMs, machine: { busyTicks: machineBusyTicks, totalTicks: machineBusyTicks * 2, cores }, processes };
}

export const key = (pid: number) => `${pid}@${1000 + pid}`;
