/**
 * One process from `/proc/<pid>/stat` (proc(5)):
 *
 *   pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
 *   utime stime cutime cstime priority nice num_threads itrealvalue starttime …
 *
 * `comm` is whatever the process named itself: it may hold spaces and parentheses, so it runs from the
 * first "(" to the LAST ")". utime and stime cover every thread, live or exited; cutime and cstime hold
 * the CPU of children this process waited for (their own cutime included), added when it reaped them.
 */
import { ProcParseError } from './errors.js';

export interface ProcessStat {
  readonly pid: number;
  readonly command: string;
  /** R running, S sleeping, Z zombie (exited, not reaped: its times are final), … */
  readonly state: string;
  readonly ppid: number;
  /** Ticks since boot at which it started: with the pid, it tells a process from a later one that reused the pid. */
  readonly startTicks: number;
  /** utime + stime, every thread. */
  readonly ownTicks: number;
  /** cutime + cstime: children it reaped. */
  readonly reapedTicks: number;
}

/** Fields after "comm)": state is at index 0, so proc(5)'s field n is at n - 3. */
const FIELD = { state: 0, ppid: 1, utime: 11, stime: 12, cutime: 13, cstime: 14, starttime: 19 } as const;

export function parseProcessStat(text: string): ProcessStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 1 || close < open) throw new ProcParseError('/proc/<pid>/stat', 'no "(comm)"', text);
  const rest = text.slice(close + 1).trim().split(/\s+/);
  const number = (index: number) => {
    const value = Number(rest[index]);
    if (rest[index] === undefined || !Number.isFinite(value)) throw new ProcParseError('/proc/<pid>/stat', `field ${index + 3} is not a number`, text);
    return value;
  };
  const pid = Number(text.slice(0, open).trim());
  if (!Number.isInteger(pid)) throw new ProcParseError('/proc/<pid>/stat', 'the pid is not a number', text);
  return {
    pid,
    command: text.slice(open + 1, close),
    state: rest[FIELD.state] ?? '?',
    ppid: number(FIELD.ppid),
    startTicks: number(FIELD.starttime),
    ownTicks: number(FIELD.utime) + number(FIELD.stime),
    reapedTicks: number(FIELD.cutime) + number(FIELD.cstime),
  };
}

/** Identifies one process over its life; a pid alone may be reused. */
export function processKey(stat: Pick<ProcessStat, 'pid' | 'startTicks'>): string {
  return `${stat.pid}@${stat.startTicks}`;
}
