import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveCommand, processesOfInstanceDir } from '../process/test-helpers.js';
import { BrokerStartTimeoutError } from './errors.js';
import { startNats } from './nats.js';
import type { StartedBroker } from './types.js';

describe('a private nats-server with JetStream', () => {
  let dir: string;
  let broker: StartedBroker;
  let startMs: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'archlab-nats-'));
    const startedAt = performance.now();
    broker = await startNats({ dir });
    startMs = performance.now() - startedAt;
  });

  afterAll(async () => {
    await broker?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts on loopback within seconds', async () => {
    expect(broker.url).toBe(`nats://127.0.0.1:${broker.port}`);
    expect(startMs).toBeLessThan(10_000);
    expect(await liveCommand(broker.pid()!)).toBe('nats-server');
  });

  it('carries a message from a publisher to a subscriber', async () => {
    const connection = await connect({ servers: broker.url });
    try {
      const subscription = connection.subscribe('greetings', { max: 1 });
      connection.publish('greetings', 'hello');
      for await (const message of subscription) expect(message.string()).toBe('hello');
    } finally {
      await connection.close();
    }
  });

  it("keeps a stream's message across kill() and restart()", async () => {
    const connection = await connect({ servers: broker.url });
    const manager = await jetstreamManager(connection);
    await manager.streams.add({ name: 'SURVIVOR', subjects: ['survivor.>'] });
    await jetstream(connection).publish('survivor.one', 'still here');
    await connection.close();

    const pidBefore = broker.pid()!;
    const killedAt = performance.now();
    await broker.kill();
    expect(performance.now() - killedAt).toBeLessThan(5_000);
    expect(broker.isRunning()).toBe(false);
    expect(await liveCommand(pidBefore)).toBeUndefined();
    await expect(connect({ servers: broker.url, reconnect: false, timeout: 1_000 })).rejects.toThrow();

    const restartedAt = performance.now();
    await broker.restart();
    expect(performance.now() - restartedAt).toBeLessThan(10_000);

    const again = await connect({ servers: broker.url });
    try {
      const stored = await (await jetstreamManager(again)).streams.getMessage('SURVIVOR', { seq: 1 });
      expect(stored?.string()).toBe('still here');
    } finally {
      await again.close();
    }
  });

  it('stop() leaves no nats-server behind, and may be called twice', async () => {
    await broker.stop();
    await broker.stop();
    expect(broker.isRunning()).toBe(false);
    expect(await processesOfInstanceDir(dir)).toEqual([]);
  });
});

describe('a nats-server that is not ready in time', () => {
  it('fails with what it waited for, and leaves nothing running', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'archlab-nats-timeout-'));
    try {
      // 0: the deadline has passed before the first probe (at 1 ms a fast nats-server sometimes answered it).
      const failure = await startNats({ dir, readyTimeoutMs: 0 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BrokerStartTimeoutError);
      expect((failure as Error).message).toMatch(/^nats on 127\.0\.0\.1:\d+ did not accept a client within \d+ ms/);
      expect(await processesOfInstanceDir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
