/**
 * Which processes are the lab's: the root (the lab process), every descendant of it, the explicit pids
 * and their descendants, and every process the caller marks (its environment names the run). epmd is
 * why marking exists: RabbitMQ starts it as a daemon that leaves its parent and ends up under pid 1.
 *
 * Membership is sticky: once a process was the lab's it stays the lab's until it exits, even when its
 * parent dies first and it is re-parented out of the tree. The lab started it all the same.
 */
import { resolve } from 'node:path';
import { INSTANCE_DIR_ENV } from '../process/instance-registry.js';
import { processKey, type ProcessStat } from './process-stat.js';

export interface LabMembership {
  readonly rootPids: readonly number[];
  /** Processes that were the lab's in an earlier snapshot, by `processKey`. */
  readonly knownKeys: ReadonlySet<string>;
  readonly isMarked: (process: ProcessStat) => boolean;
}

/** The keys of the lab's processes among `processes`. */
export function labProcessKeys(processes: ReadonlyMap<string, ProcessStat>, membership: LabMembership): Set<string> {
  const childrenOf = new Map<number, ProcessStat[]>();
  const seeds: ProcessStat[] = [];
  const roots = new Set(membership.rootPids);
  for (const [key, process] of processes) {
    const siblings = childrenOf.get(process.ppid) ?? [];
    siblings.push(process);
    childrenOf.set(process.ppid, siblings);
    if (roots.has(process.pid) || membership.knownKeys.has(key) || membership.isMarked(process)) seeds.push(process);
  }
  const lab = new Set<string>();
  const pending = [...seeds];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const key = processKey(next);
    if (lab.has(key)) continue;
    lab.add(key);
    pending.push(...(childrenOf.get(next.pid) ?? []));
  }
  return lab;
}

/**
 * The `environMarkers` entry that claims every broker process lab/brokers started in a folder below
 * `dir` (the run's folder), HAProxy too: each carries its folder in `INSTANCE_DIR_ENV`, and epmd inherits it.
 */
export function brokerDirMarker(dir: string): string {
  return `${INSTANCE_DIR_ENV}=${resolve(dir)}/`;
}
