/** For the tests of guarded instances only: which processes are still alive (Linux /proc; zombies count as gone). */
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { INSTANCE_DIR_ENV } from './instance-registry.js';

export interface LiveProcess {
  readonly pid: number;
  readonly command: string;
}

/** Processes tagged with the instance folder `dir` (instance-registry.ts): the broker or HAProxy, its children, its epmd. */
export async function processesOfInstanceDir(dir: string): Promise<LiveProcess[]> {
  const tag = `${INSTANCE_DIR_ENV}=${dir}`;
  const found: LiveProcess[] = [];
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (!environ.split('\0').includes(tag)) continue;
    const command = await liveCommand(pid);
    if (command !== undefined) found.push({ pid, command });
  }
  return found;
}

/** The command name of a live process, undefined if it is gone or a zombie. */
export async function liveCommand(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  const match = stat === undefined ? null : /^\d+ \((.*)\) (\S)/.exec(stat);
  if (match === null || match[2] === 'Z') return undefined;
  return match[1];
}

/** Polls until `check` holds; returns how long that took, or throws after `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const startedAt = performance.now();
  while (!(await check())) {
    if (performance.now() - startedAt > timeoutMs) throw new Error(`${what}: still false after ${timeoutMs} ms`);
    await delay(100);
  }
  return performance.now() - startedAt;
}
