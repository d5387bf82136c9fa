import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The pid of a live child of `parentPid` (via `ps`, so Linux and macOS alike), if it has exactly one. */
export async function onlyChildPid(parentPid: number): Promise<number | undefined> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,stat=']);
  const children = stdout
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .filter(([, ppid, stat]) => Number(ppid) === parentPid && stat !== undefined && !stat.startsWith('Z'))
    .map(([pid]) => Number(pid));
  return children.length === 1 ? children[0] : undefined;
}
