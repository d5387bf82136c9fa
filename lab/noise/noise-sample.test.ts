import { describe, expect, it } from 'vitest';
import { labProcessKeys } from './lab-processes.js';
import { noiseSample, ticksByProcess } from './noise-sample.js';
import { key, snapshot } from './snapshot-fixtures.js';

const HZ = 100;

describe('ticksByProcess', () => {
  it('is each process own CPU since the earlier snapshot; a newborn counts from zero', () => {
    const before = snapshot(0, 0, [[10, 1, 500, 0], [11, 10, 40, 0]]);
    const after = snapshot(1000, 200, [[10, 1, 530, 0], [11, 10, 90, 0], [12, 10, 7, 0]]);
    expect(Object.fromEntries(ticksByProcess(before, after))).toEqual({ [key(10)]: 30, [key(11)]: 50, [key(12)]: 7 });
  });

  it('takes back what a reaped child had used before the interval: a long life lands in cutime at once', () => {
    // Child 11 had used 6,000 ticks (a minute), used 20 more, exited, and 10 reaped it.
    const before = snapshot(0, 0, [[10, 1, 100, 0], [11, 10, 6000, 0]]);
    const after = snapshot(1000, 100, [[10, 1, 105, 6020]]);
    expect(ticksByProcess(before, after).get(key(10))).toBe(5 + 20);
  });

  it('settles a whole chain that ended in one interval with the ancestor that survived', () => {
    // shell 10 → npm 11 → node 12 (a minute of CPU): all three end, the shell reaps the lot.
    const before = snapshot(0, 0, [[10, 1, 50, 0], [11, 10, 30, 0], [12, 11, 6000, 0]]);
    const after = snapshot(1000, 100, [[10, 1, 51, 30 + 6000 + 40]]);
    expect(ticksByProcess(before, after).get(key(10))).toBe(1 + 40);
  });

  it('takes back nothing when nobody waited for the child (its parent cutime did not grow)', () => {
    const before = snapshot(0, 0, [[10, 1, 100, 0], [11, 10, 6000, 0]]);
    const after = snapshot(1000, 100, [[10, 1, 130, 0]]);
    expect(ticksByProcess(before, after).get(key(10))).toBe(30);
  });

  it('tells a reused pid from the process that had it', () => {
    const before = snapshot(0, 0, [[10, 1, 900, 0]]);
    const empty = snapshot(1000, 100, []);
    const reused = { ...empty, processes: new Map([['10@99999', { pid: 10, ppid: 1, ownTicks: 4, reapedTicks: 0, command: 'new', state: 'S', startTicks: 99999 }]]) };
    expect(ticksByProcess(before, reused).get('10@99999')).toBe(4);
  });
});

describe('noiseSample', () => {
  it('counts machine busy minus the lab as foreign, in % of one core, and names the busiest outsiders', () => {
    // 2 s; the machine was busy 300 ticks = 150% of a core; the lab (10, 11) used 100 ticks = 50%.
    const before = snapshot(0, 1000, [[10, 1, 0, 0], [11, 10, 0, 0], [20, 1, 0, 0, 'hog'], [21, 1, 0, 0, 'cron']]);
    const after = snapshot(2000, 1300, [[10, 1, 40, 0], [11, 10, 60, 0], [20, 1, 190, 0, 'hog'], [21, 1, 1, 0, 'cron']]);
    const sample = noiseSample(before, after, new Set([key(10), key(11)]), HZ);
    expect(sample).toMatchObject({ durationMs: 2000, cores: 2, machineCpuPercent: 150, labCpuPercent: 50, foreignCpuPercent: 100, labProcesses: 2 });
    expect(sample.busiestForeign).toEqual([{ pid: 20, command: 'hog', cpuPercent: 95 }]);
  });

  it('never reports foreign below zero when the lab read a little more than the machine', () => {
    const sample = noiseSample(snapshot(0, 0, [[10, 1, 0, 0]]), snapshot(1000, 50, [[10, 1, 53, 0]]), new Set([key(10)]), HZ);
    expect(sample.foreignCpuPercent).toBe(0);
  });
});

describe('labProcessKeys', () => {
  const processes = snapshot(0, 0, [
    [1, 0, 0, 0, 'init'], [100, 1, 0, 0, 'shell'],
    [200, 100, 0, 0, 'lab'], [201, 200, 0, 0, 'guard'], [202, 201, 0, 0, 'beam.smp'], [203, 202, 0, 0, 'erl_child_setup'],
    [300, 1, 0, 0, 'epmd'], [400, 100, 0, 0, 'other lab'], [401, 1, 0, 0, 'nats-server'], [402, 401, 0, 0, 'child of extra'],
  ]).processes;

  it('is the root and every descendant, however deep', () => {
    const lab = labProcessKeys(processes, { rootPids: [200], knownKeys: new Set(), isMarked: () => false });
    expect([...lab].sort()).toEqual([key(200), key(201), key(202), key(203)].sort());
  });

  it('adds explicit pids and marked processes (epmd under pid 1), with their descendants', () => {
    const lab = labProcessKeys(processes, { rootPids: [200, 401], knownKeys: new Set(), isMarked: (p) => p.command === 'epmd' });
    expect(lab).toEqual(new Set([key(200), key(201), key(202), key(203), key(300), key(401), key(402)]));
    expect(lab.has(key(400))).toBe(false);
  });

  it('keeps a process that was the lab once, after it was re-parented out of the tree', () => {
    const orphaned = snapshot(0, 0, [[1, 0, 0, 0], [200, 1, 0, 0], [202, 1, 0, 0]]).processes;
    const lab = labProcessKeys(orphaned, { rootPids: [200], knownKeys: new Set([key(202)]), isMarked: () => false });
    expect(lab).toEqual(new Set([key(200), key(202)]));
  });
});
