/** For the load balancer tests only: replicas as real processes, and a client that counts who answered. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { startLoadBalancer } from './start.js';
import type { StartedLoadBalancer } from './types.js';

const replicaScript = fileURLToPath(new URL('./fixtures/replica.mjs', import.meta.url));
/** The lab's own request timeout. */
const REQUEST_TIMEOUT_MS = 3_000;

export interface Replica {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** SIGKILL: a crash. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** /readyz flips between 200 and 503. */
  toggleReadiness(): void;
}

export async function startReplica(name: string): Promise<Replica> {
  const child = spawn(process.execPath, [replicaScript, name], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const exited = once(child, 'exit');
  return {
    name,
    url: `http://127.0.0.1:${Number(line)}`,
    pid: child.pid!,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    toggleReadiness: () => child.kill('SIGUSR1'),
  };
}

export interface BalancedReplicas {
  /** The load balancer's dir. */
  readonly dir: string;
  readonly balancer: StartedLoadBalancer;
  /** Every replica started for the test: `stop()` kills those a test adds here too. */
  readonly replicas: Replica[];
  /** Every line HAProxy wrote. */
  readonly logs: string[];
  /** The load balancer, then every replica, then the temporary dir. */
  stop(): Promise<void>;
}

/** Replicas named `names` behind a new load balancer whose one frontend, `shop`, checks `/readyz`. */
export async function startBalancedReplicas(names: readonly string[]): Promise<BalancedReplicas> {
  const dir = await mkdtemp(join(tmpdir(), 'archlab-haproxy-'));
  const replicas = await Promise.all(names.map(startReplica));
  const logs: string[] = [];
  const balancer = await startLoadBalancer({
    dir,
    frontends: [{ name: 'shop', port: 0, healthPath: '/readyz', servers: replicas.map(({ name, url }) => ({ name, url })) }],
    onLog: (line) => logs.push(line),
  });
  return {
    dir,
    balancer,
    replicas,
    logs,
    async stop() {
      await balancer.stop();
      await Promise.all(replicas.map((r) => r.kill()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  /** Status or error message of each request that did not get a 200. */
  readonly failures: readonly string[];
  /** Answers per replica name. */
  readonly byServer: ReadonlyMap<string, number>;
}

export interface LoadOptions {
  readonly count: number;
  /** Requests in flight at once; each worker sends its next request when the previous one is answered. */
  readonly concurrency?: number;
  readonly path?: string;
  /** Called after each answer with how many have been answered so far. */
  readonly onAnswer?: (answered: number) => void | Promise<void>;
}

export async function sendRequests(baseUrl: string, options: LoadOptions): Promise<LoadResult> {
  const failures: string[] = [];
  const byServer = new Map<string, number>();
  let started = 0;
  let answered = 0;
  const worker = async () => {
    while (started < options.count) {
      started += 1;
      const outcome = await requestText(`${baseUrl}${options.path ?? '/'}`);
      if (outcome.status === 200) byServer.set(outcome.body, (byServer.get(outcome.body) ?? 0) + 1);
      else failures.push(outcome.error ?? `HTTP ${outcome.status}`);
      answered += 1;
      await options.onAnswer?.(answered);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 1 }, worker));
  return { sent: options.count, ok: options.count - failures.length, failures, byServer };
}

/** One request with the lab's timeout; a transport failure is an outcome too. */
export async function requestText(
  url: string,
  options: { method?: 'GET' | 'POST'; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string; error?: string }> {
  try {
    const response = await request(url, { ...options, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
    return { status: response.statusCode, body: await response.body.text() };
  } catch (error) {
    return { status: 0, body: '', error: (error as Error).message };
  }
}
