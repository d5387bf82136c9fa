import { afterEach, describe, expect, it } from 'vitest';
import { fixtureTopology } from './fixtures/fixture-topology.js';
import { temporaryRunDir } from './fixtures/process-probes.js';
import { startVariant } from './start-variant.js';
import type { RunningVariant } from './types.js';

let running: RunningVariant | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('replicas replaced by a new build', () => {
  it('stamp every event with the build the process runs, and record when the old one started draining', async () => {
    running = await startVariant(fixtureTopology, { runDir: temporaryRunDir() });
    const sinceMs = Date.now();
    await running.replaceInstance('backend', 1, { env: { ARCHLAB_VERSION: 'v7' }, graceMs: 500 });
    const added = await running.addInstance('backend', { env: { ARCHLAB_VERSION: 'v7' } });
    await running.removeInstance('backend', 0, { graceMs: 0 });

    const events = running.events().filter((e) => e.component === 'backend');
    expect(events.filter((e) => e.tMs < sinceMs).map((e) => e.version)).toEqual(['v1', 'v1', 'v1', 'v1']);
    const after = events.filter((e) => e.tMs >= sinceMs).map((e) => `${e.instance} ${e.type} ${e.version}`);
    expect(after).toEqual([
      '1 draining v1', '1 stopped v1', '1 starting v7', '1 ready v7',
      `${added} starting v7`, `${added} ready v7`,
      '0 stopped v1', // SIGKILLed straight after SIGTERM: no time to drain, so no draining
    ]);
    expect(events.find((e) => e.type === 'draining')?.detail).toBe('SIGTERM: stops listening and finishes what it has, up to 500 ms');
    expect(running.events().filter((e) => e.component === 'store').every((e) => e.version === 'v1')).toBe(true);
  });
});
