/**
 * HAProxy never outlives the lab: when the lab's whole process group is SIGKILLed its guard stops it,
 * and when the guard cannot act either, the next command's sweep does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readInstanceRecords } from '../process/instance-registry.js';
import { sweepStaleInstances } from '../process/sweep-stale-instances.js';
import { liveCommand, processesOfInstanceDir, waitUntil } from '../process/test-helpers.js';

const fixture = fileURLToPath(new URL('./fixtures/start-load-balancer-and-wait.ts', import.meta.url));

interface Lab {
  readonly process: ChildProcess;
  /** Plays `.archlab/`: the registry is `<baseDir>/instances`. */
  readonly baseDir: string;
  readonly haproxyPid: number;
}

let lab: Lab | undefined;

afterEach(async () => {
  if (lab === undefined) return;
  // If an assertion failed first: once the lab is dead, the sweep stops its guard and HAProxy.
  if (lab.process.exitCode === null && lab.process.signalCode === null) {
    const exited = once(lab.process, 'exit');
    lab.process.kill('SIGKILL');
    await exited;
  }
  sweepStaleInstances(lab.baseDir, () => undefined);
  await rm(lab.baseDir, { recursive: true, force: true });
  lab = undefined;
});

/** A lab in its own process group, with a running HAProxy. */
async function startLab(): Promise<Lab> {
  const baseDir = await mkdtemp(join(tmpdir(), 'archlab-haproxy-orphans-'));
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, baseDir], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  lab = { process: child, baseDir, haproxyPid: 0 };
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  lab = { ...lab, haproxyPid: Number(line) };
  expect(await liveCommand(lab.haproxyPid)).toBe('haproxy');
  return lab;
}

describe('the HAProxy of a lab that dies by SIGKILL', () => {
  it('goes away when the lab’s whole process group is SIGKILLed (its guard is outside it)', async () => {
    const started = await startLab();
    process.kill(-started.process.pid!, 'SIGKILL');
    const waitedMs = await waitUntil('haproxy is gone', async () => (await liveCommand(started.haproxyPid)) === undefined, 10_000);
    console.log(`lab's group SIGKILLed → haproxy gone after ${Math.round(waitedMs)} ms`);
    expect(await processesOfInstanceDir(join(started.baseDir, 'haproxy'))).toEqual([]);
  }, 60_000);

  it('when its guard cannot act either, the next command’s sweep stops it and says so', async () => {
    const started = await startLab();
    const [instance] = readInstanceRecords(join(started.baseDir, 'instances'));
    expect(instance?.record).toMatchObject({ kind: 'haproxy', pid: started.haproxyPid });
    process.kill(instance!.record.guardPid, 'SIGSTOP');
    process.kill(-started.process.pid!, 'SIGKILL');
    await waitUntil('the lab is gone', async () => (await liveCommand(started.process.pid!)) === undefined, 5_000);
    expect(await liveCommand(started.haproxyPid)).toBe('haproxy'); // orphaned

    const printed: string[] = [];
    expect(sweepStaleInstances(started.baseDir, (line) => printed.push(line)).map((s) => s.kind)).toEqual(['haproxy']);
    expect(printed.join('\n')).toMatch(/stopped a haproxy left running by lab pid \d+ \(.*haproxy \d+/);
    expect(await liveCommand(started.haproxyPid)).toBeUndefined();
    expect(readInstanceRecords(join(started.baseDir, 'instances'))).toEqual([]);
  }, 60_000);
});
