/**
 * The fallback for guarded instances (brokers, HAProxy) that outlived their lab: every `archlab` command calls this
 * first. An instance is stale when the lab that registered it is dead; whatever of it still runs (its
 * guard, the instance's processes, RabbitMQ's private epmd) is SIGKILLed, and its registry file removed.
 *
 * Normally there is nothing to do: a lab stops its instances, and a dead lab's guards stop them. This
 * catches the rest (a guard killed too, or stopped mid-cleanup). Only node builtins are imported, so
 * calling it costs a command nothing when the registry is empty.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readInstanceRecords, type RegisteredInstance } from './instance-registry.js';
import { commandOf, isSameProcessAlive, processesWithEnv, type TaggedProcess } from './process-identity.js';

export interface SweptInstance {
  readonly kind: string;
  readonly labPid: number;
  readonly instanceDir: string;
  readonly stopped: readonly TaggedProcess[];
}

const GONE_TIMEOUT_MS = 5_000;

/** Stops the stale instances registered under `<baseDir>/instances`; says what it stopped through `print`. */
export function sweepStaleInstances(baseDir: string, print: (line: string) => void): SweptInstance[] {
  const swept: SweptInstance[] = [];
  for (const instance of readInstanceRecords(join(baseDir, 'instances'))) {
    const { file, record } = instance;
    if (isSameProcessAlive(record.labPid, record.labStartTicks)) continue;
    const stopped = stopInstance(instance);
    rmSync(file, { force: true });
    if (stopped.length === 0) continue;
    swept.push({ kind: record.kind, labPid: record.labPid, instanceDir: record.instanceDir, stopped });
    const what = stopped.map((p) => `${p.command} ${p.pid}`).join(', ');
    print(`archlab: stopped a ${record.kind} left running by lab pid ${record.labPid} (${what}) in ${record.instanceDir}`);
  }
  return swept;
}

function stopInstance({ record, envName }: RegisteredInstance): TaggedProcess[] {
  // The guard first: it must not be half-way through its own cleanup while we do ours.
  const guard = isOurGuard(record) ? [{ pid: record.guardPid, command: 'guard' }] : [];
  const targets = [...guard, ...processesWithEnv(envName, record.instanceDir)];
  for (const target of targets) kill(target.pid);
  if (process.platform !== 'linux') {
    // No /proc to find the processes by their tag: the instance's group and its epmd by port.
    kill(-record.pid);
    if (record.epmd) spawnSync(record.epmd.path, ['-kill'], { env: { ...process.env, ERL_EPMD_PORT: String(record.epmd.port) }, timeout: 2_000 });
  }
  const deadline = Date.now() + GONE_TIMEOUT_MS;
  while (targets.some((t) => commandOf(t.pid) !== undefined) && Date.now() < deadline) sleepMs(50);
  return targets;
}

/** The registered guard pid still runs guard.cjs for this instance dir (and is not some later process). */
function isOurGuard(record: RegisteredInstance['record']): boolean {
  try {
    const commandLine = readFileSync(`/proc/${record.guardPid}/cmdline`, 'utf8');
    return commandLine.includes('guard.cjs') && commandLine.includes(record.instanceDir) && commandOf(record.guardPid) !== undefined;
  } catch {
    return false;
  }
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
