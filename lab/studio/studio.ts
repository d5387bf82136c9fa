/**
 * `archlab studio`: the chosen variants side by side, each with a light constant load, and a page that
 * shows them live and breaks them on a click.
 *
 *   variants (startLiveVariant: processes, edge proxies, fault console) ─┐
 *   one load generator per variant ─ runs ─▶ LiveWindow (60 s per journey) ├─▶ GET /api/events (SSE, 1/s)
 *   lifecycle events ─▶ event log                                         ┘   POST /api/commands (token, Origin)
 *
 * Everything listens on 127.0.0.1. `stop()` stops the load, heals every fault, then stops every process.
 */
import { join } from 'node:path';
import type express from 'express';
import type { VariantName } from '../../boundary/topology.js';
import { startLiveVariant, type LiveVariant } from '../console/live-variant.js';
import { startLoad, type RunningLoad } from '../load/index.js';
import type { LifecycleEvent } from '../runner/index.js';
import { findTopology } from '../topology/registry.js';
import { startControlServer, type ControlServer } from './control-server.js';
import { LiveWindow, type LiveSnapshot } from './live-window.js';
import { studioRoutes } from './page.js';

/** A day of load: the studio runs until Ctrl-C. */
const LOAD_FOR_MS = 24 * 3_600_000;
const EVENT_LOG_LENGTH = 200;
const PUSH_EVERY_MS = 1_000;

export interface StudioOptions {
  readonly variants: readonly VariantName[];
  readonly port?: number;
  /** Journeys per second per variant. */
  readonly ratePerSecond: number;
  readonly runDir: string;
  readonly seed?: number;
  readonly token?: string;
  readonly onProgress?: (line: string) => void;
}

export interface StudioEvent {
  readonly tMs: number;
  readonly variant: string;
  readonly text: string;
}

export interface StudioState {
  readonly tMs: number;
  readonly variants: ReadonlyArray<{
    readonly name: string;
    readonly edgeUrl: string;
    readonly components: ReadonlyArray<{ readonly name: string; readonly kind: string; readonly replicas: number; readonly state: string }>;
    readonly faults: ReadonlyArray<{ readonly kind: string; readonly target: string; readonly sinceMs: number }>;
    readonly live: LiveSnapshot;
  }>;
  readonly events: readonly StudioEvent[];
}

export interface Studio {
  readonly url: string;
  readonly token: string;
  state(): StudioState;
  stop(): Promise<void>;
}

interface Lane {
  readonly name: VariantName;
  live?: LiveVariant;
  load?: RunningLoad;
  readonly window: LiveWindow;
  /** Per component: the last lifecycle event of each replica. */
  readonly states: Map<string, Map<number, string>>;
}

export async function startStudio(options: StudioOptions): Promise<Studio> {
  const events: StudioEvent[] = [];
  const log = (variant: string, text: string) => {
    events.push({ tMs: Date.now(), variant, text });
    if (events.length > EVENT_LOG_LENGTH) events.splice(0, events.length - EVENT_LOG_LENGTH);
  };
  const lanes: Lane[] = options.variants.map((name) => ({ name, window: new LiveWindow(), states: new Map() }));
  let server: ControlServer | undefined;
  let timer: NodeJS.Timeout | undefined;
  const subscribers = new Set<express.Response>();
  const stop = async () => {
    clearInterval(timer);
    for (const res of subscribers) res.end();
    await server?.close();
    await Promise.allSettled(lanes.map((lane) => lane.load?.stop()));
    await Promise.allSettled(lanes.map((lane) => lane.live?.stop()));
  };
  try {
    for (const lane of lanes) {
      const topology = findTopology(lane.name)!;
      options.onProgress?.(`starting ${lane.name} …`);
      lane.live = await startLiveVariant(topology, {
        runDir: join(options.runDir, lane.name), seed: options.seed,
        onEvent: (event) => onLifecycle(lane, event, log),
      });
      lane.load = await startLoad({ edgeUrl: lane.live.running.edgeUrl, stages: [{ ratePerSecond: options.ratePerSecond, durationMs: LOAD_FOR_MS }], seed: options.seed });
      lane.load.onRuns((runs) => lane.window.add(runs));
      log(lane.name, `${lane.name} ready at ${lane.live.running.edgeUrl}, ${options.ratePerSecond} journeys/s`);
    }
    const state = (): StudioState => ({
      tMs: Date.now(),
      variants: lanes.map((lane) => ({
        name: lane.name,
        edgeUrl: lane.live!.running.edgeUrl,
        components: lane.live!.topology.components.map((c) => ({
          name: c.name, kind: c.kind, replicas: c.kind === 'app' ? lane.live!.running.replicaIndexes(c.name).length : 1,
          state: [...(lane.states.get(c.name)?.values() ?? [])].find((s) => s !== 'ready') ?? 'ready',
        })),
        faults: lane.live!.faults.active,
        live: lane.window.snapshot(),
      })),
      events: [...events],
    });
    const controls = new Map(lanes.map((lane) => [lane.name as string, {
      run: async (line: string) => {
        const answer = await lane.live!.faults.run(line);
        if (answer) log(lane.name, `${line.trim()} → ${answer.message}`);
        return answer;
      },
      get active() { return lane.live!.faults.active; },
    }]));
    server = await startControlServer({
      variants: controls, port: options.port, token: options.token,
      routes: (app) => studioRoutes(app, {
        state,
        subscribe: (res) => {
          subscribers.add(res);
          res.on('close', () => subscribers.delete(res));
        },
      }),
    });
    timer = setInterval(() => {
      if (subscribers.size === 0) return;
      const data = `data: ${JSON.stringify(state())}\n\n`;
      for (const res of subscribers) res.write(data);
    }, PUSH_EVERY_MS);
    timer.unref();
    return { url: server.url, token: server.token, state, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function onLifecycle(lane: Lane, event: LifecycleEvent, log: (variant: string, text: string) => void): void {
  const replicas = lane.states.get(event.component) ?? new Map<number, string>();
  lane.states.set(event.component, replicas);
  // A fault event changes the state only when it froze or thawed the process (a control message does not).
  if (event.type === 'stopped') replicas.delete(event.instance);
  else if (event.type !== 'fault') replicas.set(event.instance, event.type);
  else if (event.detail === 'SIGSTOP') replicas.set(event.instance, 'paused');
  else if (event.detail === 'SIGCONT') replicas.set(event.instance, 'ready');
  const who = `${event.component}${event.instance > 0 ? `#${event.instance}` : ''}`;
  log(lane.name, `${who} ${event.type}${event.detail ? ` (${event.detail})` : ''}`);
}
