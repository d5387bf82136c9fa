/**
 * The body of a generator worker process: waits for its config over IPC, runs an engine, sends batches
 * of runs every 100 ms and a summary at the end, then exits. It exits at once when the IPC channel
 * closes (the lab ended, even by SIGKILL), so no worker outlives the lab.
 */
import { BATCH_INTERVAL_MS, type FromWorker, type ToWorker } from './messages.js';
import type { GeneratedRun, OpenModelEngine } from './open-model.js';

export interface WorkerRecipe<Config> {
  /** Validates the config sent by the lab; throws with a readable message when it is wrong. */
  parse(config: unknown): Config;
  /** Builds the engine; `onRun` receives every finished run. `dispose` runs after the engine finished. */
  create(config: Config, onRun: (run: GeneratedRun) => void): { engine: OpenModelEngine; dispose(): Promise<void> };
}

export function serveWorker<Config>(recipe: WorkerRecipe<Config>): void {
  if (!process.send) throw new Error('a generator worker must be started with an IPC channel');
  const send = (message: FromWorker, then?: () => void) => process.send?.(message, undefined, {}, () => then?.());
  process.on('disconnect', () => process.exit(0));
  let engine: OpenModelEngine | undefined;

  process.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      void engine?.stop(message.graceMs);
      return;
    }
    if (message.type !== 'start' || engine !== undefined) return;
    let config: Config;
    try {
      config = recipe.parse(message.config);
    } catch (error) {
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
      return;
    }
    let batch: GeneratedRun[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      send({ type: 'runs', runs: batch });
      batch = [];
    };
    const built = recipe.create(config, (run) => batch.push(run));
    engine = built.engine;
    const flushTimer = setInterval(flush, BATCH_INTERVAL_MS);
    send({ type: 'started', startedAtMs: engine.start() });
    void engine.finished.then(async (summary) => {
      clearInterval(flushTimer);
      flush();
      await built.dispose();
      send({ type: 'summary', summary }, () => process.exit(0));
    });
  });
}
