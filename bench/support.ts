/** Measuring helpers shared by the bench sections. */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../lab/process/free-port.js';
import { resolveEntry } from '../lab/runner/index.js';

export interface Spawned { readonly url: string; readonly child: ChildProcess; stop(): Promise<void> }

/** Starts a compiled entry with an IPC channel (it dies with the bench) and waits until `path` answers 200. */
export async function spawnServer(entry: string, env: Record<string, string>, path = '/'): Promise<Spawned & { readyMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [resolveEntry(entry)], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) throw new Error(`${entry} was not ready on ${url}${path} within 30 s`);
    try {
      if ((await fetch(url + path)).ok) break;
    } catch { /* not listening yet */ }
    await sleep(5);
  }
  const readyMs = performance.now() - started;
  return {
    url, child, readyMs,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export interface Throughput { readonly requestsPerSecond: number; readonly p99Ms: number; readonly non2xx: number }

export async function measureThroughput(url: string, durationSeconds: number, connections = 16): Promise<Throughput> {
  const result = await autocannon({ url, connections, duration: durationSeconds, pipelining: 1 });
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx + result.errors };
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function verdict(ok: boolean): string {
  return ok ? 'meets target' : 'MISSES target';
}
