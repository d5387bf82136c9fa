import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { connect } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveCommand, processesOfInstanceDir } from '../process/test-helpers.js';
import { BrokerStoppedError } from './errors.js';
import { startRabbitMq } from './rabbitmq.js';
import type { StartedBroker } from './types.js';

const MNESIA_FLUSH_MS = 2_500;

describe('a private RabbitMQ', () => {
  let dir: string;
  let broker: StartedBroker;
  let startMs: number;
  const logLines: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'archlab-rabbitmq-'));
    const startedAt = performance.now();
    broker = await startRabbitMq({ dir, onLog: (line) => logLines.push(line) });
    startMs = performance.now() - startedAt;
  });

  afterAll(async () => {
    await broker?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts on loopback within a minute and reports the Erlang VM as its pid', async () => {
    expect(broker.url).toBe(`amqp://guest:guest@127.0.0.1:${broker.port}`);
    expect(startMs).toBeLessThan(60_000);
    expect(broker.isRunning()).toBe(true);
    expect(await liveCommand(broker.pid()!)).toBe('beam.smp');
    const commands = (await processesOfInstanceDir(dir)).map((process) => process.command);
    expect(commands).toEqual(expect.arrayContaining(['beam.smp', 'epmd']));
    expect(logLines.some((line) => line.includes('Starting RabbitMQ'))).toBe(true);
  });

  it('carries a message from a publisher to a consumer', async () => {
    const connection = await connect(broker.url);
    try {
      const channel = await connection.createConfirmChannel();
      const { queue } = await channel.assertQueue('', { exclusive: true });
      const received = new Promise<string>((resolve) => {
        void channel.consume(queue, (message) => message && resolve(message.content.toString()), { noAck: true });
      });
      channel.sendToQueue(queue, Buffer.from('hello'));
      await channel.waitForConfirms();
      expect(await received).toBe('hello');
    } finally {
      await connection.close();
    }
  });

  it('survives kill() and restart() with its durable queue and persistent message', async () => {
    const connection = await connect(broker.url);
    const channel = await connection.createConfirmChannel();
    await channel.assertQueue('survivor', { durable: true });
    channel.sendToQueue('survivor', Buffer.from('still here'), { persistent: true });
    await channel.waitForConfirms();
    await connection.close();
    // RabbitMQ keeps queue definitions in Mnesia, whose disk_log write cache is flushed at most every 2 s:
    // a queue declared just before a SIGKILL can be lost (its confirmed messages are not). Let it settle.
    await delay(MNESIA_FLUSH_MS);

    const beamPid = broker.pid()!;
    const killedAt = performance.now();
    await broker.kill();
    expect(performance.now() - killedAt).toBeLessThan(5_000);
    expect(broker.isRunning()).toBe(false);
    expect(broker.pid()).toBeUndefined();
    expect(await liveCommand(beamPid)).toBeUndefined();
    await expect(connect(broker.url, { timeout: 1_000 })).rejects.toThrow();

    const restartedAt = performance.now();
    await broker.restart();
    expect(performance.now() - restartedAt).toBeLessThan(60_000);
    expect(broker.pid()).not.toBe(beamPid);

    const again = await connect(broker.url);
    try {
      const survivor = await (await again.createChannel()).get('survivor', { noAck: true });
      expect(survivor && survivor.content.toString()).toBe('still here');
    } finally {
      await again.close();
    }
  }, 120_000);

  it('stop() leaves no beam.smp, epmd or helper behind, and may be called twice', async () => {
    expect(await processesOfInstanceDir(dir)).not.toEqual([]);
    await broker.stop();
    await broker.stop();
    expect(broker.isRunning()).toBe(false);
    expect(await processesOfInstanceDir(dir)).toEqual([]);
    await expect(broker.restart()).rejects.toBeInstanceOf(BrokerStoppedError);
    expect(await accepts(broker.url)).toBe(false);
  });
});

async function accepts(url: string): Promise<boolean> {
  try {
    await (await connect(url, { timeout: 1_000 })).close();
    return true;
  } catch {
    return false;
  }
}
