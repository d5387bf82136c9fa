/**
 * `archlab up <variant>`: start a variant for a class or a demo, print where it listens and what runs,
 * report every crash and restart as it happens, take fault commands on stdin (lab/console: `crash
 * recommendations`, `slow payment 1500`, `heal`, `help` …), and stop everything on Ctrl-C.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FaultConsole } from '../../console/fault-console.js';
import { startLiveVariant } from '../../console/live-variant.js';
import { installCleanup, type LifecycleEvent, type LogLine, type RunningVariant } from '../../runner/index.js';
import { findTopology, variantNames } from '../../topology/registry.js';
import { edgeReplicas, parseReplicas, withReplicas } from '../../topology/replicas.js';
import { checkRequirements } from '../preflight.js';
import { formatTable } from '../table.js';
import { watchRegistry, type RegistryWatch } from './registry-watch.js';
import { oneOf } from '../usage-error.js';

export interface UpOptions {
  readonly variant: string;
  readonly logs: boolean;
  readonly seed?: number;
  /** `--replicas name=N,…` as given. */
  readonly replicas?: string;
  readonly baseDir: string;
  readonly print: (line: string) => void;
  /** Where fault commands come from, one per line (stdin); none: no console. */
  readonly input?: NodeJS.ReadableStream;
}

export async function upCommand(options: UpOptions): Promise<RunningVariant> {
  const found = findTopology(options.variant);
  if (!found) throw oneOf('variant', options.variant, variantNames());
  const topology = options.replicas === undefined ? found : withReplicas(found, parseReplicas(options.replicas));
  checkRequirements([topology.variant], edgeReplicas(topology) > 1 ? [topology.variant] : []);
  const runDir = mkdtempSync(join(options.baseDir, `up-${topology.variant}-`));
  const { print } = options;
  print(`starting ${topology.variant} (${topology.components.length} components) in ${runDir} …`);
  const started = Date.now();
  let ready = false;
  // A TCP proxy on every edge between processes, so that any of them can be slowed or cut from the console.
  const live = await startLiveVariant(topology, {
    runDir,
    seed: options.seed,
    onEvent: (event) => { if (ready) print(describeEvent(event)); },
    onLog: options.logs ? (line) => print(describeLog(line)) : undefined,
  });
  const { running, faults } = live;
  let registry: RegistryWatch | undefined;
  const stopAll = async () => {
    await registry?.stop();
    await live.stop();
  };
  installCleanup({ stop: stopAll });
  try {
    if (topology.discovery?.mode === 'registry') registry = await watchRegistry(running, (line) => { if (ready) print(line); });
  } catch (error) {
    await stopAll();
    throw error;
  }
  ready = true;
  print(componentTable(running));
  if (registry) print(`\nservice registry (NATS KV, instances joining and leaving are reported below):\n${registry.listing(topology.components.filter((c) => c.kind === 'app' && c.name !== topology.edge).map((c) => c.name))}`);
  print(`\n${topology.variant} is ready in ${Date.now() - started} ms`);
  print(`public API: ${running.edgeUrl}   (try ${running.edgeUrl}/api/products?q=oak)`);
  print(`central log: ${running.centralLogPath}`);
  if (options.input) {
    print('Type a fault command and Enter (help lists them: crash recommendations, slow payment 1500, heal …). Ctrl-C stops every process.');
    listen(options.input, faults, print);
  } else {
    print('Ctrl-C stops every process.');
  }
  return running;
}

export function componentTable(running: RunningVariant): string {
  const rows = running.components.flatMap((c) => c.ports.map((port, i) => [
    c.name + (c.ports.length > 1 ? `#${i}` : ''),
    c.kind,
    String(c.pids[i] ?? '-'),
    String(port),
    c.kind === 'app' ? (c.urls[i] ?? '') : '',
    c.role,
  ]));
  const lb = running.loadBalancer;
  if (lb) rows.push([lb.name, 'haproxy', String(lb.pid() ?? '-'), new URL(lb.url).port, lb.url, `the load balancer in front of every ${lb.frontend} replica: the public API`]);
  return formatTable(['component', 'kind', 'pid', 'port', 'url', 'role'], rows);
}

function describeEvent(e: LifecycleEvent): string {
  const time = new Date(e.tMs).toISOString().slice(11, 23);
  const extra = [e.pid ? `pid ${e.pid}` : '', e.detail ?? '', e.backoffMs !== undefined ? `back-off ${e.backoffMs} ms` : ''].filter(Boolean).join(', ');
  return `${time}  ${e.component}${e.instance > 0 ? `#${e.instance}` : ''}  ${e.type}${extra ? ` (${extra})` : ''}`;
}

function describeLog(line: LogLine): string {
  const time = new Date(line.t).toISOString().slice(11, 23);
  return `${time}  [${line.component}${line.instance > 0 ? `#${line.instance}` : ''}] ${typeof line.msg === 'string' ? line.msg : JSON.stringify(line.msg)}`;
}

/** One command per line, one at a time, in order; the end of the input leaves the variant running. */
function listen(input: NodeJS.ReadableStream, faults: FaultConsole, print: (line: string) => void): void {
  const lines = createInterface({ input, terminal: false });
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    queue = queue.then(async () => {
      const answer = await faults.execute(line).catch((error: unknown) => `error: ${(error as Error).message}`);
      if (answer) print(answer);
    });
  });
}
