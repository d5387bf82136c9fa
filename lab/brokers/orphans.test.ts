/**
 * A lab that dies by SIGKILL leaves no broker behind: not when only the lab process is killed, not when
 * its whole process group is (the guards live outside it), and when the guards cannot act either, the
 * next command's `sweepStaleInstances` stops what is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readInstanceRecords } from '../process/instance-registry.js';
import { sweepStaleInstances } from '../process/sweep-stale-instances.js';
import { liveCommand, processesOfInstanceDir, waitUntil } from '../process/test-helpers.js';

const fixture = fileURLToPath(new URL('./fixtures/start-brokers-and-wait.ts', import.meta.url));

interface Lab {
  readonly process: ChildProcess;
  /** Plays `.archlab/`: the registry is `<baseDir>/instances`. */
  readonly baseDir: string;
  readonly brokerDirs: readonly string[];
  readonly pids: { rabbitmq: number; nats: number };
}

let lab: Lab | undefined;

afterEach(async () => {
  if (lab === undefined) return;
  // If an assertion failed first: kill what may be left, then the sweep stops the brokers.
  for (const { record } of readInstanceRecords(join(lab.baseDir, 'instances'))) signal(record.guardPid, 'SIGKILL');
  signal(-lab.process.pid!, 'SIGKILL');
  sweepStaleInstances(lab.baseDir, () => undefined);
  await rm(lab.baseDir, { recursive: true, force: true });
  lab = undefined;
});

async function startLab(detached: boolean): Promise<Lab> {
  const baseDir = await mkdtemp(join(tmpdir(), 'archlab-orphans-'));
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, baseDir, join(baseDir, 'instances')], {
    stdio: ['ignore', 'pipe', 'inherit'], detached,
  });
  lab = { process: child, baseDir, brokerDirs: [join(baseDir, 'rabbitmq'), join(baseDir, 'nats')], pids: { rabbitmq: 0, nats: 0 } };
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  lab = { ...lab, pids: JSON.parse(line) as Lab['pids'] };
  expect(await liveCommand(lab.pids.rabbitmq)).toBe('beam.smp');
  expect(await liveCommand(lab.pids.nats)).toBe('nats-server');
  expect((await processesOfInstanceDir(lab.brokerDirs[0]!)).map((p) => p.command)).toContain('epmd');
  return lab;
}

async function noBrokerProcessLeft(started: Lab, timeoutMs: number): Promise<number> {
  const waited = await waitUntil(
    'no broker process left',
    async () => (await Promise.all(started.brokerDirs.map(processesOfInstanceDir))).every((left) => left.length === 0),
    timeoutMs,
  );
  expect(await liveCommand(started.pids.rabbitmq)).toBeUndefined();
  expect(await liveCommand(started.pids.nats)).toBeUndefined();
  return waited;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

describe('brokers of a lab that dies by SIGKILL', () => {
  it('go away with the lab process within ten seconds, epmd included', async () => {
    const started = await startLab(false);
    started.process.kill('SIGKILL');
    await noBrokerProcessLeft(started, 10_000);
  }, 120_000);

  it('go away when the lab’s whole process group is SIGKILLed (the guards are outside it)', async () => {
    const started = await startLab(true);
    process.kill(-started.process.pid!, 'SIGKILL');
    const waitedMs = await noBrokerProcessLeft(started, 10_000);
    console.log(`lab's group SIGKILLed → beam.smp, epmd and nats-server gone after ${Math.round(waitedMs)} ms`);
    // The dead lab could not remove its registry files; the next sweep finds nothing to stop and drops them.
    const printed: string[] = [];
    expect(sweepStaleInstances(started.baseDir, (line) => printed.push(line))).toEqual([]);
    expect(printed).toEqual([]);
    expect(await readdir(join(started.baseDir, 'instances'))).toEqual([]);
  }, 120_000);

  it('when the guards cannot act either, the next command’s sweep stops the brokers and says so', async () => {
    const started = await startLab(true);
    const records = readInstanceRecords(join(started.baseDir, 'instances'));
    expect(records.map((r) => r.record.kind).sort()).toEqual(['nats', 'rabbitmq']);
    for (const { record } of records) process.kill(record.guardPid, 'SIGSTOP'); // a guard that never gets to clean up
    process.kill(-started.process.pid!, 'SIGKILL');
    await waitUntil('the lab is gone', async () => (await liveCommand(started.process.pid!)) === undefined, 5_000);
    expect(await liveCommand(started.pids.rabbitmq)).toBe('beam.smp'); // orphaned, as the sweep will find them

    const printed: string[] = [];
    const swept = sweepStaleInstances(started.baseDir, (line) => printed.push(line));
    expect(swept.map((s) => s.kind).sort()).toEqual(['nats', 'rabbitmq']);
    expect(printed.join('\n')).toMatch(/stopped a rabbitmq left running by lab pid \d+ \(.*beam\.smp \d+.*epmd \d+/);
    expect(printed.join('\n')).toMatch(/stopped a nats left running by lab pid \d+ \(.*nats-server \d+/);
    await noBrokerProcessLeft(started, 5_000);
    expect(readInstanceRecords(join(started.baseDir, 'instances'))).toEqual([]);
    expect(sweepStaleInstances(started.baseDir, (line) => printed.push(line))).toEqual([]); // nothing twice
  }, 120_000);
});
