import { describe, expect, it } from 'vitest';
import { parseFaultSpec, type FaultEvent } from '../faults/index.js';
import type { JourneyRun } from '../journeys/types.js';
import type { LifecycleEvent } from '../runner/types.js';
import { monolithTopology } from '../../variants/monolith/topology.js';
import { deployRecords } from './deploys.js';

const spec = parseFaultSpec({ kind: 'deploy', target: 'shop', atMs: 0, durationMs: 10_000, params: { strategy: 'stop-first', graceMs: 0 } });
const event = (tMs: number, action: FaultEvent['action']): FaultEvent => ({ tMs, kind: 'deploy', target: 'shop', action });
const run = (scheduledMs: number, outcome: JourneyRun['outcome'], latencyMs: number, journey: JourneyRun['journey'] = 'checkout'): JourneyRun =>
  ({ source: 'load', journey, scheduledMs, latencyMs, outcome }) as JourneyRun;

describe('deployRecords', () => {
  it('times the rollout from its command to the last replica replaced, and counts what users saw meanwhile', () => {
    const events = [event(1_000, 'injected'), event(1_800, 'repeated'), event(2_600, 'repeated'), event(11_000, 'healed')];
    const runs = [
      run(900, 'failed', 10), // before the deploy
      run(1_200, 'failed', 3_000), run(1_500, 'ok', 1_500, 'browse'), run(2_000, 'ok', 20), run(2_400, 'degraded', 2_000, 'product'),
      run(2_700, 'failed', 10), // after the last replica was replaced
    ];
    const [record] = deployRecords({ faults: [{ spec, startMs: 1_000, endMs: 11_000 }], faultEvents: events, lifecycleEvents: [], runs, topology: monolithTopology, sloP99Ms: 1_000 });
    expect(record).toMatchObject({
      component: 'shop', strategy: 'stop-first', version: 'v2', graceMs: 0, unitsRedeployed: 1, processesRestarted: 2, durationMs: 1_600,
      failedRuns: 1, slowedRuns: 2,
    });
    expect([...record!.journeysAffected].sort()).toEqual(['browse', 'checkout', 'product']);
    expect(record?.failedRunsByTime).toEqual([{ tMs: 200, count: 1 }]);
  });

  it('records what each replica went through during the rollout, relative to its start, with the build it ran', () => {
    const lifecycle = (tMs: number, instance: number, type: LifecycleEvent['type'], version?: string): LifecycleEvent =>
      ({ tMs, component: 'shop', instance, type, ...(version ? { version } : {}) });
    const lifecycleEvents = [
      lifecycle(100, 0, 'ready', 'v1'), // before the deploy
      lifecycle(1_050, 0, 'draining', 'v1'), lifecycle(1_100, 0, 'stopped', 'v1'),
      lifecycle(1_150, 0, 'starting', 'v2'), lifecycle(1_700, 0, 'ready', 'v2'),
      { ...lifecycle(1_200, 0, 'starting', 'v2'), component: 'payment' }, // another component
      lifecycle(1_900, 1, 'draining'), lifecycle(1_950, 1, 'fault', 'v1'), lifecycle(2_000, 1, 'stopped', 'v1'),
      lifecycle(2_550, 1, 'ready', 'v2'),
      lifecycle(3_000, 1, 'exited', 'v2'), // after the rollout
    ];
    const events = [event(1_000, 'injected'), event(1_800, 'repeated'), event(2_600, 'repeated'), event(11_000, 'healed')];
    const [record] = deployRecords({ faults: [{ spec, startMs: 1_000, endMs: 11_000 }], faultEvents: events, lifecycleEvents, runs: [], topology: monolithTopology, sloP99Ms: 1_000 });
    expect(record?.steps).toEqual([
      { instance: 0, version: 'v1', action: 'draining', tMs: 50 },
      { instance: 0, version: 'v1', action: 'stopped', tMs: 100 },
      { instance: 0, version: 'v2', action: 'starting', tMs: 150 },
      { instance: 0, version: 'v2', action: 'ready', tMs: 700 },
      { instance: 1, version: 'v1', action: 'draining', tMs: 900 }, // recorded without a version: the first build
      { instance: 1, version: 'v1', action: 'stopped', tMs: 1_000 },
      { instance: 1, version: 'v2', action: 'ready', tMs: 1_550 },
    ]);
  });

  it('has nothing to say without a deploy, and no duration for a rollout that replaced nothing', () => {
    const kill = parseFaultSpec({ kind: 'kill', target: 'shop', atMs: 0, durationMs: 1_000 });
    const inputs = { lifecycleEvents: [], runs: [], topology: monolithTopology, sloP99Ms: 1_000 };
    expect(deployRecords({ ...inputs, faults: [{ spec: kill, startMs: 0, endMs: 1_000 }], faultEvents: [] })).toEqual([]);
    const [record] = deployRecords({ ...inputs, faults: [{ spec, startMs: 0, endMs: 1_000 }], faultEvents: [event(0, 'injected'), event(1_000, 'healed')] });
    expect(record?.durationMs).toBeNull();
    expect(record?.processesRestarted).toBe(0);
  });
});
