import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TcpProxy } from './tcp-proxy.js';

let echo: Server;
let echoPort: number;
let proxy: TcpProxy;
const sockets: Socket[] = [];

beforeEach(async () => {
  echo = createServer((socket) => socket.on('error', () => undefined).pipe(socket));
  await new Promise<void>((listening) => echo.listen(0, '127.0.0.1', listening));
  echoPort = (echo.address() as { port: number }).port;
  proxy = await TcpProxy.start(() => ({ host: '127.0.0.1', port: echoPort }));
});
afterEach(async () => {
  sockets.forEach((s) => s.destroy());
  await proxy.stop();
  await new Promise((closed) => echo.close(closed));
});

async function open(port = proxy.port): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  await new Promise((connected, failed) => socket.once('connect', connected).once('error', failed));
  return socket;
}

/** Sends `bytes`, resolves with what came back once as many bytes did, or undefined after `timeoutMs`. */
function echoOf(socket: Socket, bytes: Buffer, timeoutMs = 10_000): Promise<Buffer | undefined> {
  return new Promise((answered) => {
    const received: Buffer[] = [];
    let length = 0;
    const timer = setTimeout(() => { socket.off('data', onData); answered(undefined); }, timeoutMs);
    const onData = (chunk: Buffer) => {
      received.push(chunk);
      length += chunk.length;
      if (length >= bytes.length) { clearTimeout(timer); socket.off('data', onData); answered(Buffer.concat(received)); }
    };
    socket.on('data', onData);
    socket.write(bytes);
  });
}

async function roundTripMs(socket: Socket): Promise<number> {
  const startedAt = performance.now();
  expect(await echoOf(socket, Buffer.from('ping'))).toEqual(Buffer.from('ping'));
  return performance.now() - startedAt;
}

describe('TcpProxy', () => {
  it('forwards 1 MB both ways with no byte lost or reordered, under jitter and while latency is healed', async () => {
    const socket = await open();
    const payload = randomBytes(1 << 20);
    proxy.setLatency({ latencyMs: 20, jitterMs: 20 });
    const answer = echoOf(socket, payload);
    await sleep(30);
    proxy.setLatency(undefined);
    expect((await answer)?.equals(payload)).toBe(true);
  });

  it('adds about latencyMs to each round trip, and nothing once healed', async () => {
    const socket = await open();
    await roundTripMs(socket); // warm-up: connects upstream
    const baselineMs = Math.min(await roundTripMs(socket), await roundTripMs(socket));
    proxy.setLatency({ latencyMs: 100, jitterMs: 0 });
    for (let i = 0; i < 3; i++) {
      const ms = await roundTripMs(socket);
      expect(ms).toBeGreaterThanOrEqual(98); // a floor: 50 ms each way
      expect(ms - baselineMs).toBeLessThan(180);
    }
    proxy.setLatency(undefined);
    expect(await roundTripMs(socket)).toBeLessThan(50);
  });

  it('partition resets open connections and holds new ones unanswered; restore lets them through', async () => {
    const before = await open();
    const reset = new Promise((closed) => before.once('close', closed));
    before.on('error', () => undefined);
    proxy.partition();
    await reset;
    const held = await open(); // accepted: a partition hangs rather than refuses
    const heldAnswer = echoOf(held, Buffer.from('sent during the partition'));
    expect(await echoOf(await open(), Buffer.from('ping'), 300)).toBeUndefined();
    proxy.restore();
    expect((await heldAnswer)?.toString()).toBe('sent during the partition');
    expect(await roundTripMs(await open())).toBeLessThan(50);
  });

  it('resets the client when the upstream refuses, and stops twice safely', async () => {
    await new Promise((closed) => echo.close(closed));
    const socket = await open();
    socket.on('error', () => undefined);
    await new Promise((closed) => socket.once('close', closed));
    echo = createServer(); // for afterEach
    await new Promise<void>((listening) => echo.listen(0, '127.0.0.1', listening));
    await proxy.stop();
    await proxy.stop();
  });
});
