import { describe, expect, it } from 'vitest';
import type { DeployRecord } from '../../scenario/deploys.js';
import type { DeployStep } from '../../scenario/deploy-steps.js';
import { deployLanes } from './deploy-lanes.js';
import { deployTimelineSvg } from './deploy-timeline-svg.js';

const step = (instance: number, version: string, action: DeployStep['action'], tMs: number): DeployStep => ({ instance, version, action, tMs });

/** Start-first over two replicas: 2 and 3 start on v2 while 0 and 1 (v1) drain and stop. */
const START_FIRST = [
  step(2, 'v2', 'starting', 100), step(2, 'v2', 'ready', 900), step(0, 'v1', 'draining', 950), step(0, 'v1', 'stopped', 1_400),
  step(3, 'v2', 'starting', 1_600), step(3, 'v2', 'ready', 2_400), step(1, 'v1', 'draining', 2_450), step(1, 'v1', 'stopped', 2_900),
];

const deploy = (overrides: Partial<DeployRecord> = {}): DeployRecord => ({
  component: 'payment', version: 'v2', strategy: 'start-first', drain: true, graceMs: 3_000, unitsRedeployed: 1, processesRestarted: 2,
  unitBytes: null, durationMs: 2_950, failedRuns: 3, slowedRuns: 0, journeysAffected: ['checkout'],
  steps: START_FIRST, failedRunsByTime: [{ tMs: 1_400, count: 2 }, { tMs: 2_900, count: 1 }], ...overrides,
});

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);

describe('deployLanes', () => {
  it('start-first: the old replicas serve from the start until they drain; the new ones start, then serve to the end', () => {
    const lanes = deployLanes(START_FIRST, 3_500);
    expect(lanes.map((l) => l.instance)).toEqual([0, 1, 2, 3]);
    expect(lanes[0]?.segments).toEqual([
      { phase: 'serving', version: 'v1', fromMs: 0, toMs: 950 }, { phase: 'draining', version: 'v1', fromMs: 950, toMs: 1_400 },
    ]);
    expect(lanes[2]?.segments).toEqual([
      { phase: 'starting', version: 'v2', fromMs: 100, toMs: 900 }, { phase: 'serving', version: 'v2', fromMs: 900, toMs: 3_500 },
    ]);
  });

  it('stop-first: one lane per index, old build stopped, a gap, the new build on the same index', () => {
    const [lane] = deployLanes([step(0, 'v1', 'stopped', 300), step(0, 'v2', 'starting', 320), step(0, 'v2', 'ready', 1_000)], 2_000);
    expect(lane?.segments.map((s) => `${s.version} ${s.phase} ${s.fromMs}-${s.toMs}`)).toEqual(['v1 serving 0-300', 'v2 starting 320-1000', 'v2 serving 1000-2000']);
  });
});

describe('deployTimelineSvg', () => {
  it('draws one lane per replica, the versions in their colours, a mark per step and a bar per 100 ms with failures', () => {
    const svg = deployTimelineSvg(deploy()).text;
    expect(all(svg, /data-lane="([^"]+)"/g)).toEqual(['payment[0]', 'payment[1]', 'payment[2]', 'payment[3]']);
    expect(new Set(all(svg, /data-version="([^"]+)"/g))).toEqual(new Set(['v1', 'v2']));
    expect(all(svg, /<rect class="(\w+)" data-version="v1"/g)).toEqual(['serving', 'draining', 'serving', 'draining']);
    expect(svg.match(/<g class="mark (starting|ready|draining|stopped)">/g)).toHaveLength(8);
    expect(svg.match(/<title>\d failed at/g)).toHaveLength(2);
    expect(svg).toContain('<title>payment: v1 → v2, 4 replica lanes, 3 failed runs</title>');
    expect(svg).toContain('v2 (new)');
  });

  it('escapes names from run.json and loads nothing', () => {
    const hostile = '<script>alert(1)</script>';
    const svg = deployTimelineSvg(deploy({ component: hostile, version: `"${hostile}`, steps: START_FIRST.map((s) => ({ ...s, version: s.version === 'v2' ? `"${hostile}` : s.version })) })).text;
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;[0]');
    expect(svg).not.toMatch(/url\(|href=|\ssrc=/);
  });

  it('draws nothing for a run.json written before steps were recorded', () => {
    expect(deployTimelineSvg(deploy({ steps: undefined, failedRunsByTime: undefined })).text).toBe('');
  });
});
