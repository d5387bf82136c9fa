/**
 * Telling processes apart after the fact, for the stale-instance sweep: is a pid still the process it
 * was (not a reuse), and which live processes carry a broker's tag in their environment. Linux reads
 * /proc; elsewhere the answers are coarser (a live pid is taken for the same process).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The process's start time in clock ticks since boot (Linux), undefined elsewhere or when it is gone. */
export function processStartTicks(pid: number): number | undefined {
  const fields = statFields(pid);
  const ticks = fields === undefined ? NaN : Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/** True while `pid` runs (not a zombie) and, when `startTicks` is known, is the process that started then. */
export function isSameProcessAlive(pid: number, startTicks?: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const fields = statFields(pid);
  if (fields === undefined) return process.platform !== 'linux';
  if (fields[0] === 'Z') return false;
  return startTicks === undefined || Number(fields[19]) === startTicks;
}

export interface TaggedProcess {
  readonly pid: number;
  readonly command: string;
}

/** Live processes whose environment holds `name=value` exactly (Linux only; elsewhere none are found). */
export function processesWithEnv(name: string, value: string): TaggedProcess[] {
  const tag = `${name}=${value}`;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: TaggedProcess[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
    } catch {
      continue; // gone, or not ours to read
    }
    if (!environ.split('\0').includes(tag)) continue;
    const command = commandOf(pid);
    if (command !== undefined) found.push({ pid, command });
  }
  return found;
}

/** The command name of a live, non-zombie process (Linux), undefined otherwise. */
export function commandOf(pid: number): string | undefined {
  try {
    const match = /^\d+ \((.*)\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return match === null || match[2] === 'Z' ? undefined : match[1];
  } catch {
    return undefined;
  }
}

/** /proc/<pid>/stat from the state field on (the command name may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}
