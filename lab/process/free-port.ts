import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

/**
 * Ports are taken below the kernel's ephemeral range: a port the OS picks for `listen(0)` comes from
 * the same range as the local ports of outgoing connections, so in the seconds before a component
 * listens, one of the lab's own clients could take it (EADDRINUSE). Below the range only listeners live.
 */
const FALLBACK_RANGE = { low: 20_000, high: 32_000 };

/** A TCP port that was free on 127.0.0.1 a moment ago (someone may take it before us). */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/** `count` distinct free ports: all are held open together, so none is handed out twice. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await listenOnSomePort());
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('a TCP server has no port');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

async function listenOnSomePort(): Promise<Server> {
  const { low, high } = listenerRange();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low));
    const server = await listen(port).catch(() => undefined);
    if (server) return server;
  }
  return listen(0);
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => resolve(server));
  });
}

/** Ports from 20000 up to the start of the ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range). */
function listenerRange(): { low: number; high: number } {
  try {
    const [ephemeralLow] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (ephemeralLow !== undefined && ephemeralLow > FALLBACK_RANGE.low + 1_000) return { low: FALLBACK_RANGE.low, high: ephemeralLow };
  } catch {
    // Not Linux: stay in a range that is below the usual ephemeral ranges.
  }
  return FALLBACK_RANGE;
}
