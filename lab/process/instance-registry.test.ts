/** Registry files from labs before the tag rename are still read, and what they name is still swept. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTANCE_DIR_ENV, readInstanceRecords, registerInstance } from './instance-registry.js';
import { sweepStaleInstances } from './sweep-stale-instances.js';
import { liveCommand, waitUntil } from './test-helpers.js';

/** The pid of a process that has ended: a lab that is dead. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

describe('the instance registry', () => {
  let baseDir: string;
  beforeEach(async () => {
    baseDir = await mkdtemp(join(tmpdir(), 'archlab-registry-'));
  });
  afterEach(() => rm(baseDir, { recursive: true, force: true }));

  it('reads its own records with the current tag, and a record from before the rename with the old one', async () => {
    const registryDir = join(baseDir, 'instances');
    registerInstance(registryDir, { kind: 'haproxy', guardPid: 11, pid: 12, instanceDir: '/runs/r1/haproxy' });
    await writeFile(join(registryDir, '1-2.json'), JSON.stringify({
      kind: 'nats', labPid: 1, guardPid: 21, brokerPid: 22, brokerDir: '/runs/r0/nats', startedAt: '2025-01-01T00:00:00.000Z',
    }));
    const byKind = Object.fromEntries(readInstanceRecords(registryDir).map((r) => [r.record.kind, r]));
    expect(byKind['haproxy']).toMatchObject({ envName: INSTANCE_DIR_ENV, record: { pid: 12, instanceDir: '/runs/r1/haproxy', labPid: process.pid } });
    expect(byKind['nats']).toMatchObject({ envName: 'ARCHLAB_BROKER_DIR', record: { pid: 22, instanceDir: '/runs/r0/nats', labPid: 1 } });
  });

  it('sweeps what an old record names: processes tagged ARCHLAB_BROKER_DIR, left by a dead lab', async () => {
    const instanceDir = join(baseDir, 'nats');
    await mkdir(join(baseDir, 'instances'));
    const left = spawn('sleep', ['60'], { env: { ...process.env, ARCHLAB_BROKER_DIR: instanceDir }, stdio: 'ignore' });
    await waitUntil('sleep runs', async () => (await liveCommand(left.pid!)) === 'sleep', 5_000);
    await writeFile(join(baseDir, 'instances', `old-${left.pid}.json`), JSON.stringify({
      kind: 'nats', labPid: deadPid(), guardPid: deadPid(), brokerPid: left.pid, brokerDir: instanceDir, startedAt: new Date().toISOString(),
    }));
    const lines: string[] = [];
    const swept = sweepStaleInstances(baseDir, (line) => lines.push(line));
    expect(swept).toMatchObject([{ kind: 'nats', instanceDir, stopped: [{ pid: left.pid, command: 'sleep' }] }]);
    expect(lines.join('\n')).toContain(`stopped a nats left running by lab pid`);
    expect(await liveCommand(left.pid!)).toBeUndefined();
    expect(readInstanceRecords(join(baseDir, 'instances'))).toEqual([]);
  });
});
