import { describe, expect, it } from 'vitest';
import { parseFaultSpec, type FaultEvent } from '../faults/index.js';
import type { JourneyRun } from '../journeys/types.js';
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
    const [record] = deployRecords([{ spec, startMs: 1_000, endMs: 11_000 }], events, runs, monolithTopology, 1_000);
    expect(record).toMatchObject({
      component: 'shop', strategy: 'stop-first', version: 'v2', graceMs: 0, unitsRedeployed: 1, processesRestarted: 2, durationMs: 1_600,
      failedRuns: 1, slowedRuns: 2,
    });
    expect([...record!.journeysAffected].sort()).toEqual(['browse', 'checkout', 'product']);
  });

  it('has nothing to say without a deploy, and no duration for a rollout that replaced nothing', () => {
    const kill = parseFaultSpec({ kind: 'kill', target: 'shop', atMs: 0, durationMs: 1_000 });
    expect(deployRecords([{ spec: kill, startMs: 0, endMs: 1_000 }], [], [], monolithTopology, 1_000)).toEqual([]);
    const [record] = deployRecords([{ spec, startMs: 0, endMs: 1_000 }], [event(0, 'injected'), event(1_000, 'healed')], [], monolithTopology, 1_000);
    expect(record?.durationMs).toBeNull();
    expect(record?.processesRestarted).toBe(0);
  });
});
