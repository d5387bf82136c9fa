/** The guard's only I/O: `/proc` (Linux) and `getconf CLK_TCK`. */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseMachineCpu } from './machine-cpu.js';
import { parseProcessStat, processKey, type ProcessStat } from './process-stat.js';
import type { CpuSnapshot } from './snapshot.js';

/** USER_HZ: what the kernel reports ticks in. 100 on every common Linux build; asked once anyway. */
const DEFAULT_TICKS_PER_SECOND = 100;
let ticksPerSecond: Promise<number> | undefined;

export function clockTicksPerSecond(): Promise<number> {
  ticksPerSecond ??= promisify(execFile)('getconf', ['CLK_TCK'])
    .then(({ stdout }) => Number(stdout.trim()))
    .then((ticks) => (Number.isInteger(ticks) && ticks > 0 ? ticks : DEFAULT_TICKS_PER_SECOND))
    .catch(() => DEFAULT_TICKS_PER_SECOND);
  return ticksPerSecond;
}

export async function readCpuSnapshot(procDir: string): Promise<CpuSnapshot> {
  const entries = (await readdir(procDir)).filter((name) => /^\d+$/.test(name));
  const stats = await Promise.all(entries.map((pid) => readProcessStat(join(procDir, pid, 'stat'))));
  const monotonicMs = performance.now();
  const epochMs = Date.now();
  // Read after the processes, closest to the moment the process scan ended.
  const machine = parseMachineCpu(await readFile(join(procDir, 'stat'), 'utf8'));
  const processes = new Map<string, ProcessStat>();
  for (const stat of stats) if (stat) processes.set(processKey(stat), stat);
  return { monotonicMs, epochMs, machine, processes };
}

/** Undefined when the process ended between the listing and the read, or its file was not readable. */
async function readProcessStat(path: string): Promise<ProcessStat | undefined> {
  try {
    return parseProcessStat(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Which processes carry one of the markers in their environment (`NAME=value-prefix`). Each process is
 * read once: its initial environment does not change. Other users' processes cannot be read: unmarked.
 */
export class EnvironMarks {
  private readonly marked = new Map<string, boolean>();

  constructor(private readonly procDir: string, private readonly markers: readonly string[]) {}

  async refresh(processes: ReadonlyMap<string, ProcessStat>): Promise<void> {
    if (this.markers.length === 0) return;
    const unread = [...processes].filter(([key]) => !this.marked.has(key));
    await Promise.all(unread.map(async ([key, process]) => this.marked.set(key, await this.carriesMarker(process.pid))));
    for (const key of this.marked.keys()) if (!processes.has(key)) this.marked.delete(key);
  }

  has(process: ProcessStat): boolean {
    return this.marked.get(processKey(process)) ?? false;
  }

  private async carriesMarker(pid: number): Promise<boolean> {
    const environ = await readFile(join(this.procDir, String(pid), 'environ'), 'utf8').catch(() => '');
    return environ.split('\0').some((variable) => this.markers.some((marker) => variable.startsWith(marker)));
  }
}
