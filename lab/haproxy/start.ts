/**
 * Starting the lab's HAProxy: write its config into `dir`, launch it in the foreground under the process
 * guard (so it dies with the lab, and the next command's sweep finds it if the guard could not act), and
 * wait until its runtime API answers, which it does only once every frontend port is bound.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { binaryName, findHaproxyBinary } from '../brokers/binaries.js';
import { freePorts } from '../process/free-port.js';
import { GuardedProcess } from '../process/guarded-process.js';
import { defaultRegistryDir } from '../process/instance-registry.js';
import { LogTail } from '../process/log-tail.js';
import { waitFor } from '../process/wait.js';
import { probe } from '../process/wait-strategies.js';
import { haproxyConfig } from './config.js';
import { HaproxyBinaryMissingError, HaproxyExitedError, HaproxyStartTimeoutError } from './errors.js';
import { parseFrontends } from './frontends.js';
import { RunningLoadBalancer } from './running-load-balancer.js';
import { MAX_SOCKET_PATH_BYTES, RuntimeApi } from './runtime-api.js';
import type { FrontendSpec, LoadBalancerStartOptions, StartedLoadBalancer } from './types.js';

const DEFAULT_READY_TIMEOUT_MS = 10_000;
/** SIGTERM stops HAProxy at once; the grace is for a machine under load. */
const GRACE_MS = 2_000;
const RETRY_INTERVAL_MS = 50;
/** The runtime API gives up on its own after 3 s; this is the backstop. */
const ANSWER_TIMEOUT_MS = 5_000;

/** Starts HAProxy and waits until it serves; on failure nothing it started is left running. */
export async function startLoadBalancer(options: LoadBalancerStartOptions): Promise<StartedLoadBalancer> {
  const binary = findHaproxyBinary();
  if (!binary.found) throw new HaproxyBinaryMissingError(binaryName('haproxy'), binary.installHint);
  const requested = parseFrontends(options.frontends);
  const dir = resolve(options.dir);
  const runtime = new RuntimeApi(await socketPathFor(dir));
  const frontends = await choosePorts(requested);
  const configPath = join(dir, 'haproxy.cfg');
  await mkdir(dir, { recursive: true });
  await writeFile(configPath, haproxyConfig({ socketPath: runtime.socketPath, frontends }));
  await rm(runtime.socketPath, { force: true }); // a previous instance's: it must not pass for this one's

  const logTail = new LogTail();
  const haproxy = await GuardedProcess.spawn(
    {
      command: binary.path,
      args: ['-db', '-f', configPath],
      env: {},
      instanceDir: dir,
      cwd: dir,
      graceMs: GRACE_MS,
      registry: { dir: options.registryDir ?? defaultRegistryDir(), kind: 'haproxy' },
    },
    (line, stream) => {
      logTail.push(line);
      options.onLog?.(line, stream);
    },
  );
  try {
    await waitFor(probe(() => runtime.run('show info', /^Name: HAProxy/), `haproxy's runtime API on ${runtime.socketPath}`), {
      timeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
      intervalMs: RETRY_INTERVAL_MS,
      attemptTimeoutMs: ANSWER_TIMEOUT_MS,
      exited: haproxy.exited,
      timeoutError: ({ waitedMs, lastError }) => new HaproxyStartTimeoutError(runtime.socketPath, waitedMs, logTail.snapshot(), { cause: lastError }),
      exitError: async ({ code, signal }) => {
        await haproxy.gone; // its output closed: the lines saying why it exited are in the tail
        return new HaproxyExitedError(code, signal, logTail.snapshot());
      },
    });
  } catch (error) {
    await haproxy.terminate();
    throw error;
  }
  return new RunningLoadBalancer(haproxy, runtime, frontends);
}

/**
 * The runtime API's socket: in `dir` when the path is short enough for HAProxy (97 bytes), else in a
 * short private folder under the system's temp dir (a run folder named after a long scenario is deep).
 */
async function socketPathFor(dir: string): Promise<string> {
  const inDir = join(dir, 'admin.sock');
  if (Buffer.byteLength(inDir) <= MAX_SOCKET_PATH_BYTES) return inDir;
  return join(await mkdtemp(join(tmpdir(), 'archlab-lb-')), 'admin.sock');
}

/** A free port for each frontend that asked for 0, all distinct. */
async function choosePorts(frontends: readonly FrontendSpec[]): Promise<FrontendSpec[]> {
  const ports = await freePorts(frontends.filter((f) => f.port === 0).length);
  return frontends.map((f) => (f.port === 0 ? { ...f, port: ports.shift()! } : f));
}
