/**
 * The machine's CPU from `/proc/stat` (proc(5)): the aggregate `cpu` line, in clock ticks since boot.
 *
 *   cpu  user nice system idle iowait irq softirq steal guest guest_nice
 *
 * Busy = user + nice + system + irq + softirq + steal. Guest time is already inside user and nice, so it
 * is not added twice. Steal counts as busy: another virtual machine took the CPU, which is noise too.
 * With tick-based accounting (CONFIG_IRQ_TIME_ACCOUNTING off, as on the lab's machine) an irq or softirq
 * tick is also charged to the process it interrupted, so the lab's share holds its own loopback traffic.
 * Where irq time is accounted apart, or the interrupted task was idle, that work belongs to no process
 * and reads as foreign: a few % of a core at thousands of requests per second, nothing at the lab's 20/s.
 */
import { ProcParseError } from './errors.js';

export interface MachineCpu {
  /** Ticks every CPU together spent busy since boot. */
  readonly busyTicks: number;
  /** Of the busy ticks: those the hypervisor gave to another virtual machine (steal). */
  readonly stealTicks?: number;
  /** Ticks every CPU together spent busy or idle since boot. */
  readonly totalTicks: number;
  /** How many `cpuN` lines: the cores the kernel schedules on. */
  readonly cores: number;
}

export function parseMachineCpu(text: string): MachineCpu {
  const lines = text.split('\n');
  const aggregate = lines.find((line) => line.startsWith('cpu '));
  if (aggregate === undefined) throw new ProcParseError('/proc/stat', 'no aggregate "cpu" line', text);
  const fields = aggregate.trim().split(/\s+/).slice(1).map(Number);
  if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) {
    throw new ProcParseError('/proc/stat', 'the "cpu" line needs eight numbers', aggregate);
  }
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  const busyTicks = user + nice + system + irq + softirq + steal;
  return {
    busyTicks,
    stealTicks: steal,
    totalTicks: busyTicks + idle + iowait,
    cores: lines.filter((line) => /^cpu\d+\s/.test(line)).length || 1,
  };
}
