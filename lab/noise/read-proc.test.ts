import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerDirMarker } from './lab-processes.js';
import { EnvironMarks, readCpuSnapshot } from './read-proc.js';

/** A /proc in a temporary folder: what the guard reads, written by hand. */
describe('readCpuSnapshot and EnvironMarks on a fixture /proc', () => {
  let proc: string;
  const stat = (pid: number, ppid: number, command: string) =>
    `${pid} (${command}) S ${ppid} ${pid} ${pid} 0 -1 4194304 0 0 0 0 10 5 2 1 20 0 1 0 ${5000 + pid} 0 0\n`;

  beforeAll(async () => {
    proc = await mkdtemp(join(tmpdir(), 'archlab-proc-'));
    await writeFile(join(proc, 'stat'), 'cpu  100 0 50 800 0 0 0 0 0 0\ncpu0 50 0 25 400 0 0 0 0 0 0\ncpu1 50 0 25 400 0 0 0 0 0 0\n');
    const processes: [number, string, string | undefined][] = [
      [301, stat(301, 1, 'epmd'), 'HOME=/x\0ARCHLAB_INSTANCE_DIR=/runs/r1/micro/brokers/rabbitmq\0'],
      [302, stat(302, 1, 'epmd'), 'ARCHLAB_INSTANCE_DIR=/runs/r10/micro/brokers/rabbitmq\0'],
      [303, stat(303, 1, 'sshd'), undefined], // another user's: no readable environ
      [304, 'garbage', undefined],
    ];
    for (const [pid, text, environ] of processes) {
      await mkdir(join(proc, String(pid)));
      await writeFile(join(proc, String(pid), 'stat'), text);
      if (environ !== undefined) await writeFile(join(proc, String(pid), 'environ'), environ);
    }
    await mkdir(join(proc, 'self'));
  });

  afterAll(() => rm(proc, { recursive: true, force: true }));

  it('reads the machine and every numbered folder, skipping what does not parse', async () => {
    const snapshot = await readCpuSnapshot(proc);
    expect(snapshot.machine).toEqual({ busyTicks: 150, stealTicks: 0, totalTicks: 950, cores: 2 });
    expect([...snapshot.processes.keys()].sort()).toEqual(['301@5301', '302@5302', '303@5303']);
    expect(snapshot.processes.get('301@5301')).toMatchObject({ command: 'epmd', ppid: 1, ownTicks: 15, reapedTicks: 3 });
  });

  it('marks the processes of this run only: not run r10 beside r1, not an unreadable one', async () => {
    const snapshot = await readCpuSnapshot(proc);
    const marks = new EnvironMarks(proc, [brokerDirMarker('/runs/r1')]);
    await marks.refresh(snapshot.processes);
    const marked = [...snapshot.processes.values()].filter((p) => marks.has(p)).map((p) => p.pid);
    expect(marked).toEqual([301]);
  });
});
