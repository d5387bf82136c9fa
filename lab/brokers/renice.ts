/**
 * CPU priority of a broker instance: a broker booted ahead of time runs at the lowest priority (nice 19)
 * so that it takes only CPU nobody else wants, and is set back to normal before any variant uses it.
 * Linux keeps a priority per thread, so every thread of every process of the instance is set: they
 * are found by the instance-folder tag every broker process (epmd included) carries (instance-registry.ts).
 */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { INSTANCE_DIR_ENV } from '../process/instance-registry.js';
import { processesWithEnv } from '../process/process-identity.js';

/** Whether this process may lower a niceness again (root, or CAP_SYS_NICE): the pool prestarts only then. */
export function canRestorePriority(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0;
}

/** Sets every thread of every process carrying the broker folder's tag; the number of threads set. */
export function reniceBrokerProcesses(brokerDir: string, niceness: number): number {
  let threads = 0;
  for (const { pid } of processesWithEnv(INSTANCE_DIR_ENV, brokerDir)) {
    for (const tid of threadsOf(pid)) {
      try {
        setPriority(tid, niceness);
        threads += 1;
      } catch {
        // The thread ended meanwhile.
      }
    }
  }
  return threads;
}

function threadsOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
}
