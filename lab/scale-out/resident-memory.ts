/**
 * The resident memory of a variant's processes: VmRSS from `/proc/<pid>/status` (proc(5)) of each
 * process named, plus every process below it (RabbitMQ's Erlang VM under its launcher, an app under
 * its guard). RSS counts shared pages (libraries, Node's binary) once per process, so a sum over
 * processes overstates what the machine lost; it is what each process holds, and what a container
 * limit would be set against.
 *
 * Not counted: processes that left the tree (RabbitMQ's epmd daemon, about a megabyte), the lab itself
 * and its load generator.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MemoryReading, ResidentProcess } from '../metrics/index.js';
import { parseProcessStat } from '../noise/process-stat.js';

export interface NamedProcess {
  readonly name: string;
  readonly kind: ResidentProcess['kind'];
  readonly pid: number;
}

const KIB_PER_MB = 1024;

/** VmRSS in KiB from a status file; null when the line is missing (a zombie, a kernel thread). */
export function parseVmRssKib(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) : null;
}

export async function readResidentMemory(named: readonly NamedProcess[], procDir = '/proc'): Promise<MemoryReading> {
  const children = await childrenByParent(procDir);
  const processes = await Promise.all(named.map(async (process): Promise<ResidentProcess> => {
    const tree = descendants(process.pid, children);
    const kib = await Promise.all(tree.map(async (pid) => parseVmRssKib(await readFile(join(procDir, String(pid), 'status'), 'utf8').catch(() => '')) ?? 0));
    return { ...process, rssMb: round1(kib.reduce((sum, k) => sum + k, 0) / KIB_PER_MB) };
  }));
  return { atMs: Date.now(), totalMb: round1(processes.reduce((sum, p) => sum + p.rssMb, 0)), processes };
}

async function childrenByParent(procDir: string): Promise<Map<number, number[]>> {
  const pids = (await readdir(procDir)).filter((name) => /^\d+$/.test(name));
  const stats = await Promise.all(pids.map((pid) => readFile(join(procDir, pid, 'stat'), 'utf8').then(parseProcessStat, () => undefined)));
  const children = new Map<number, number[]>();
  for (const stat of stats) if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  return children;
}

function descendants(root: number, children: ReadonlyMap<number, readonly number[]>): number[] {
  const found: number[] = [];
  for (const pending = [root]; pending.length > 0;) {
    const pid = pending.pop()!;
    if (found.includes(pid)) continue;
    found.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return found;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
