/**
 * The measuring instrument itself: freeze the monolith for a known time and check that the lab
 * measures that much downtime (generous window: the machine is shared and probes run every 25 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVariant } from '../../lab/scenario/run-variant.js';
import { parseScenario } from '../../lab/scenario/schema.js';
import { summarizeVariant } from '../../lab/scenario/summarize.js';
import { monolithTopology } from '../../variants/monolith/topology.js';

const FROZEN_MS = 3_000;
const PROBE_TIMEOUT_MS = 1_000;
/** A probe sent during the freeze fails only if it waits longer than its timeout. */
const EXPECTED_DOWNTIME_MS = FROZEN_MS - PROBE_TIMEOUT_MS;
const workDir = mkdtempSync(join(tmpdir(), 'archlab-downtime-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('downtime measurement', () => {
  it(`measures a ${FROZEN_MS} ms freeze of the monolith as ${FROZEN_MS} ms minus the probe timeout of downtime on every journey`, async () => {
    const scenario = parseScenario({
      name: 'known-freeze',
      title: 'known freeze',
      description: 'the monolith frozen for a known time',
      variants: ['monolith'],
      load: { ratePerSecond: 10, requestTimeoutMs: 5_000 },
      probes: { intervalMs: 25, timeoutMs: PROBE_TIMEOUT_MS },
      timing: { warmupMs: 1_000, measureMs: 6_000 },
      faults: [{ kind: 'pause', target: 'shop', atMs: 1_000, durationMs: FROZEN_MS }],
    }, 'test');
    const record = await runVariant({ scenario, topology: monolithTopology, runDir: workDir });
    expect(record.error).toBeUndefined();
    const summary = summarizeVariant(record, scenario);
    for (const journey of summary.journeys) {
      expect(journey.downtime?.recovered, journey.journey).toBe(true);
      expect(journey.downtime?.downtimeMs, journey.journey).toBeGreaterThanOrEqual(EXPECTED_DOWNTIME_MS - 300);
      expect(journey.downtime?.downtimeMs, journey.journey).toBeLessThanOrEqual(EXPECTED_DOWNTIME_MS + 1_500);
      expect(journey.effect).toBe('failing');
    }
    expect(summary.integrity?.missingOrders.count).toBe(0);
    expect(summary.integrity?.duplicateOrders.count).toBe(0);
    expect(summary.integrity?.acknowledgedOrders).toBeGreaterThan(0);
    // A hang is not a crash: nothing was restarted.
    expect(summary.restarts).toBe(0);
  }, 90_000);
});
