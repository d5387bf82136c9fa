import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { liveCommand, processesOfBrokerDir, waitUntil } from './test-helpers.js';

const fixture = fileURLToPath(new URL('./fixtures/start-brokers-and-wait.ts', import.meta.url));

describe('brokers of a lab that dies by SIGKILL', () => {
  let dir: string | undefined;
  let lab: ChildProcess | undefined;

  afterAll(async () => {
    lab?.kill('SIGKILL'); // if an assertion failed first; the guards then clean up
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('go away with it within ten seconds, epmd included', async () => {
    dir = await mkdtemp(join(tmpdir(), 'archlab-orphans-'));
    lab = spawn(process.execPath, ['--import', 'tsx', fixture, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(createInterface({ input: lab.stdout! }), 'line')) as [string];
    const pids = JSON.parse(line) as { rabbitmq: number; nats: number };
    expect(await liveCommand(pids.rabbitmq)).toBe('beam.smp');
    expect(await liveCommand(pids.nats)).toBe('nats-server');
    const rabbitDir = join(dir, 'rabbitmq');
    expect((await processesOfBrokerDir(rabbitDir)).map((process) => process.command)).toContain('epmd');

    lab.kill('SIGKILL');
    const brokerDirs = [rabbitDir, join(dir, 'nats')];
    await waitUntil(
      'no broker process left',
      async () => (await Promise.all(brokerDirs.map(processesOfBrokerDir))).every((left) => left.length === 0),
      10_000,
    );
    expect(await liveCommand(pids.rabbitmq)).toBeUndefined();
    expect(await liveCommand(pids.nats)).toBeUndefined();
  }, 120_000);
});
