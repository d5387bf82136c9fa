import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectNats } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrokerBinary, startNats, type StartedBroker } from '../brokers/index.js';
import { EdgeProxies } from './edge-proxies.js';
import { parseFaultSpec } from './registry.js';

const timing = { atMs: 0, durationMs: 1_000 };
const latency = parseFaultSpec({ kind: 'latency', target: 'order->nats', ...timing, params: { latencyMs: 100 } });
const partitions = ['portal->rabbitmq', 'gateway->cart', 'order->nats'].map((target) => parseFaultSpec({ kind: 'partition', target, ...timing }));

let proxies: EdgeProxies | undefined;
let broker: StartedBroker | undefined;
afterEach(async () => {
  await proxies?.stop();
  await broker?.stop();
  proxies = broker = undefined;
});

describe('EdgeProxies', () => {
  it('starts one proxy per edge named by a latency or partition fault, and only those', async () => {
    proxies = await EdgeProxies.start([latency, ...partitions, parseFaultSpec({ kind: 'kill', target: 'cart', ...timing })]);
    expect(proxies.edges).toEqual(['order->nats', 'portal->rabbitmq', 'gateway->cart']);
    expect((await EdgeProxies.start([])).edges).toEqual([]);
  });

  it('rewrites the URL of a proxied edge, keeping scheme and credentials, and learns its upstream', async () => {
    proxies = await EdgeProxies.start(partitions);
    const port = (edge: string) => proxies!.proxy(edge).port;
    expect(proxies.rewriteUrl('portal', 'rabbitmq', 'amqp://guest:guest@127.0.0.1:5672')).toBe(`amqp://guest:guest@127.0.0.1:${port('portal->rabbitmq')}`);
    expect(proxies.rewriteUrl('gateway', 'cart', 'http://127.0.0.1:4100')).toBe(`http://127.0.0.1:${port('gateway->cart')}`);
    expect(proxies.rewriteUrl('order', 'nats', 'nats://127.0.0.1:4222')).toBe(`nats://127.0.0.1:${port('order->nats')}`);
    expect(proxies.upstreamOf('portal->rabbitmq')).toEqual({ host: '127.0.0.1', port: 5672 });
    expect(proxies.rewriteUrl('gateway', 'catalog', 'http://127.0.0.1:4101')).toBe('http://127.0.0.1:4101');
    expect(() => proxies!.proxy('gateway->catalog')).toThrow('no proxy for gateway->catalog: proxies exist for portal->rabbitmq, gateway->cart, order->nats');
    await proxies.stop();
    await proxies.stop();
  });

  it.runIf(findBrokerBinary('nats').found)('carries a broker protocol: NATS through the proxy, slowed, then cut', async () => {
    broker = await startNats({ dir: mkdtempSync(join(tmpdir(), 'archlab-faults-')) });
    proxies = await EdgeProxies.start([latency]);
    const connection = await connectNats({ servers: proxies.rewriteUrl('order', 'nats', broker.url), reconnect: false });
    const received = new Promise<string>((got) => {
      void (async () => { for await (const m of connection.subscribe('orders')) return got(m.string()); })();
    });
    connection.publish('orders', 'placed');
    expect(await received).toBe('placed');
    const proxy = proxies.proxy('order->nats');
    proxy.setLatency({ latencyMs: 100, jitterMs: 0 });
    const startedAt = performance.now();
    await connection.flush();
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(95);
    proxy.partition();
    await expect(connection.closed()).resolves.toBeInstanceOf(Error); // reset: the client sees the connection drop
  });
});
