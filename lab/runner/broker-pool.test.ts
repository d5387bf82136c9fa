import { connect as connectAmqp, type Channel } from 'amqplib';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect as connectNats } from '@nats-io/transport-node';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrokerBinary, type ShareableBroker } from '../brokers/index.js';
import type { Topology } from '../../boundary/topology.js';
import { createBrokerPool, type BrokerPool } from './broker-pool.js';
import { BrokerLeasedError } from './errors.js';
import { fixtureApp } from './fixtures/fixture-topology.js';
import { isAlive, temporaryRunDir, waitFor } from './fixtures/process-probes.js';
import { startVariant } from './start-variant.js';

/** The niceness of every thread of a process (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceness(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const withBroker = (broker: 'rabbitmq' | 'nats'): Topology => ({
  variant: broker === 'rabbitmq' ? 'soa' : 'micro', description: `fixture on a pooled ${broker}`, edge: 'app',
  components: [{ kind: 'broker', name: broker, role: 'bus', broker, dependsOn: [] }, fixtureApp('app', [broker])],
});

async function onChannel<T>(url: string, use: (channel: Channel) => Promise<T>): Promise<T> {
  const connection = await connectAmqp(url);
  connection.on('error', () => undefined);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined); // a 404 closes the channel: the awaited call rejects with it
    return await use(channel);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function amqpUrlSeenByApp(edgeUrl: string): Promise<string | undefined> {
  const { env } = (await (await fetch(`${edgeUrl}/env`)).json()) as { env: Record<string, string> };
  return env.ARCHLAB_AMQP_URL;
}

describe.skipIf(!findBrokerBinary('rabbitmq').found)('a broker pool with a real RabbitMQ', () => {
  let pool: BrokerPool | undefined;
  afterAll(() => pool?.stop());

  it('lends one node to run after run, each in an empty vhost, and restarts one a run killed', async () => {
    pool = createBrokerPool({ dir: temporaryRunDir() });
    const topology = withBroker('rabbitmq');

    const first = await startVariant(topology, { runDir: temporaryRunDir(), brokerPool: pool, readyTimeoutMs: 120_000 });
    const firstUrl = first.broker('rabbitmq').url;
    const nodePid = first.instance('rabbitmq').pid!;
    expect(firstUrl).toMatch(/^amqp:\/\/guest:guest@127\.0\.0\.1:\d+\/run-\d+$/);
    expect(await amqpUrlSeenByApp(first.edgeUrl)).toBe(firstUrl);
    await onChannel(firstUrl, async (channel) => {
      await channel.assertQueue('orders', { durable: true });
      channel.sendToQueue('orders', Buffer.from('order 1'), { persistent: true });
      await waitFor(async () => (await channel.checkQueue('orders')).messageCount === 1, 5_000);
    });
    await first.stop();
    expect(isAlive(nodePid)).toBe(true); // returned to the pool, not stopped

    const second = await startVariant(topology, { runDir: temporaryRunDir(), brokerPool: pool });
    const secondUrl = second.broker('rabbitmq').url;
    expect(second.instance('rabbitmq').pid).toBe(nodePid);
    expect(secondUrl).not.toBe(firstUrl);
    await expect(onChannel(secondUrl, (channel) => channel.checkQueue('orders'))).rejects.toThrow(/NOT_FOUND/);
    await expect(onChannel(firstUrl, async () => undefined)).rejects.toThrow(); // the first run's vhost is gone
    second.kill('rabbitmq'); // as a spof sweep does: killed, never restarted by the run
    await waitFor(() => second.events().some((e) => e.component === 'rabbitmq' && e.type === 'exited'), 20_000);
    expect(isAlive(nodePid)).toBe(false);
    await second.stop();
    expect(second.events().filter((e) => e.component === 'rabbitmq').map((e) => e.type)).toEqual(['starting', 'ready', 'fault', 'exited', 'stopped']);

    const third = await startVariant(topology, { runDir: temporaryRunDir(), brokerPool: pool, readyTimeoutMs: 120_000 });
    const thirdPid = third.instance('rabbitmq').pid!;
    expect(thirdPid).not.toBe(nodePid);
    expect(isAlive(thirdPid)).toBe(true);
    const queue = await onChannel(third.broker('rabbitmq').url, (channel) => channel.assertQueue('orders', { durable: true }));
    expect(queue.messageCount).toBe(0);
    await third.stop();

    await pool.stop();
    expect(isAlive(thirdPid)).toBe(false);
  }, 240_000);
});

describe.skipIf(!findBrokerBinary('nats').found)('a broker pool with a real nats-server', () => {
  it.skipIf(process.getuid?.() !== 0)('boots a prestarted broker at nice 19, every thread, and lends it at normal priority', async () => {
    const pool = createBrokerPool({ dir: temporaryRunDir() });
    try {
      pool.prestart(['nats']);
      await waitFor(() => pool.pid('nats') !== undefined, 15_000);
      const pid = pool.pid('nats')!;
      expect(threadNiceness(pid).every((n) => n === 19)).toBe(true);
      const running = await startVariant(withBroker('nats'), { runDir: temporaryRunDir(), brokerPool: pool });
      expect(running.instance('nats').pid).toBe(pid);
      const after = threadNiceness(pid);
      expect(after.length).toBeGreaterThan(1);
      expect(after.every((n) => n === 0)).toBe(true);
      await running.stop();
    } finally {
      await pool.stop();
    }
  }, 60_000);

  it('lends one server to run after run, with no stream left from the run before; one lease at a time', async () => {
    const pool = createBrokerPool({ dir: temporaryRunDir() });
    try {
      const first = await startVariant(withBroker('nats'), { runDir: temporaryRunDir(), brokerPool: pool });
      const url = first.broker('nats').url;
      const pid = first.instance('nats').pid;
      await expect(startVariant(withBroker('nats'), { runDir: temporaryRunDir(), brokerPool: pool })).rejects.toMatchObject({ cause: expect.any(BrokerLeasedError) });
      const connection = await connectNats({ servers: url });
      const jsm = await jetstreamManager(connection);
      await jsm.streams.add({ name: 'ORDERS', subjects: ['orders.>'] });
      await connection.close();
      await first.stop();

      const second = await startVariant(withBroker('nats'), { runDir: temporaryRunDir(), brokerPool: pool });
      expect(second.instance('nats').pid).toBe(pid);
      const again = await connectNats({ servers: second.broker('nats').url });
      expect(await (await jetstreamManager(again)).streams.list().next()).toEqual([]);
      await again.close();
      await second.stop();
    } finally {
      await pool.stop();
    }
  }, 60_000);
});

/** A broker that is only an object, to walk the pool's health ladder without processes. */
function fakeBroker(log: string[], behaviour: { hangs?: boolean; restartFails?: boolean }): ShareableBroker {
  let up = true;
  const name = `broker ${log.filter((l) => l.startsWith('launch')).length}`;
  return {
    kind: 'nats', url: 'nats://127.0.0.1:4999', port: 4999, pid: () => undefined, isRunning: () => up,
    kill: async () => { log.push(`kill ${name}`); up = false; },
    restart: async () => { log.push(`restart ${name}`); if (behaviour.restartFails) throw new Error('will not start'); up = true; },
    stop: async () => { log.push(`stop ${name}`); up = false; },
    setNiceness: () => undefined,
    openScope: async (scope) => {
      if (behaviour.hangs) throw new Error('no client gets in');
      log.push(`open ${scope} on ${name}`);
      return { url: `nats://127.0.0.1:4999/${scope}`, close: async () => { log.push(`close ${scope}`); } };
    },
  };
}

describe('the pool’s health ladder (fake brokers)', () => {
  it('a hung broker is crashed and restarted; one that will not restart is replaced by a new one', async () => {
    const log: string[] = [];
    const behaviours = [{ hangs: true, restartFails: true }, {}];
    const pool = createBrokerPool({
      dir: temporaryRunDir(),
      startBroker: async () => { log.push('launch'); return fakeBroker(log, behaviours.shift()!); },
    });
    const lease = await pool.lease('nats', { dir: 'ignored' });
    expect(lease.url).toBe('nats://127.0.0.1:4999/run-1');
    await lease.stop();
    const next = await pool.lease('nats', { dir: 'ignored' });
    await next.stop();
    await pool.stop();
    expect(log).toEqual([
      'launch', 'kill broker 1', 'restart broker 1', 'stop broker 1', 'launch', 'open run-1 on broker 2',
      'open run-2 on broker 2', 'close run-1', 'stop broker 2',
    ]);
  });
});
