/** Starts the SOA variant for a test (real processes, a private RabbitMQ) and reads its enterprise database. */
import Database from 'better-sqlite3';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startVariant, type LifecycleEvent, type RunningVariant } from '../../../lab/runner/index.js';
import { ENTERPRISE_DB, soaTopology } from '../../../variants/soa/topology.js';

export interface SoaRun {
  readonly running: RunningVariant;
  readonly startToReadyMs: number;
  /** Runs `query` on a fresh read-only connection to enterprise.db. */
  read<T>(query: (db: Database.Database) => T): T;
  /** Current pid of every app component. */
  appPids(): Record<string, number | undefined>;
  /** Lifecycle events of app components that mean a process went away. */
  appRestarts(): LifecycleEvent[];
}

export const APP_COMPONENTS = soaTopology.components.filter((c) => c.kind === 'app').map((c) => c.name);

export async function startSoa(): Promise<SoaRun> {
  const runDir = await mkdtemp(join(tmpdir(), 'archlab-soa-'));
  const started = Date.now();
  const running = await startVariant(soaTopology, { runDir, readyTimeoutMs: 120_000 });
  return {
    running,
    startToReadyMs: Date.now() - started,
    read: (query) => {
      const db = new Database(join(running.dataDir, ENTERPRISE_DB), { readonly: true, fileMustExist: true });
      try {
        return query(db);
      } finally {
        db.close();
      }
    },
    appPids: () => Object.fromEntries(APP_COMPONENTS.map((name) => [name, running.instance(name).pid])),
    appRestarts: () => running.events().filter((e) => APP_COMPONENTS.includes(e.component) && ['exited', 'restarting'].includes(e.type)),
  };
}

/** Polls `check` until it returns true; throws, saying what was awaited, after `timeoutMs`. Resolves with the time it took. */
export async function eventually(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>, intervalMs = 100): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await sleep(intervalMs);
  }
}
