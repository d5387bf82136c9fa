/** Starts the micro variant for a test (real processes, a private nats-server) and reads its databases. */
import Database from 'better-sqlite3';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBroker } from '../../../lab/brokers/index.js';
import { startVariant, type LifecycleEvent, type RunningVariant } from '../../../lab/runner/index.js';
import { MICRO_DATABASES } from '../../../variants/micro/databases.js';
import { microTopology } from '../../../variants/micro/topology.js';

export interface MicroRun {
  readonly running: RunningVariant;
  readonly startToReadyMs: number;
  /** Runs `query` on a fresh read-only connection to one service's database. */
  read<T>(database: keyof typeof MICRO_DATABASES, query: (db: Database.Database) => T): T;
}

export async function startMicro(onEvent?: (event: LifecycleEvent) => void): Promise<MicroRun> {
  const runDir = await mkdtemp(join(tmpdir(), 'archlab-micro-'));
  const started = Date.now();
  const running = await startVariant(microTopology, { runDir, startBroker, readyTimeoutMs: 60_000, onEvent });
  return {
    running,
    startToReadyMs: Date.now() - started,
    read: (database, query) => {
      const db = new Database(join(running.dataDir, MICRO_DATABASES[database]), { readonly: true, fileMustExist: true });
      try {
        return query(db);
      } finally {
        db.close();
      }
    },
  };
}

/** Polls `check` until it returns true; throws, saying what was awaited, after `timeoutMs`. */
export async function eventually(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await sleep(100);
  }
}
