import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractReads, contractSkew } from './contract-skew.js';
import type { FaultWindow } from './run-variant.js';
import type { JourneyRun } from '../journeys/types.js';

const line = (fields: object) => JSON.stringify({ t: 1, variant: 'micro', instance: 0, stream: 'stdout', level: 30, msg: 'contract read', ...fields });

describe('version-skew quadrants', () => {
  it('counts reads by old/new producer and consumer, and what stayed parked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlab-skew-'));
    const log = join(dir, 'central.ndjson');
    writeFileSync(log, [
      line({ component: 'inventory', contract: 'OrderPlaced', producer: 'v1', consumer: 'v1', outcome: 'read' }),
      line({ component: 'inventory', contract: 'OrderPlaced', producer: 'v2-breaking', consumer: 'v1', outcome: 'parked', eventId: 'e1', consumerName: 'inventory' }),
      line({ component: 'inventory', contract: 'OrderPlaced', producer: 'v2-breaking', consumer: 'v1', outcome: 'parked', eventId: 'e2', consumerName: 'inventory' }),
      line({ component: 'inventory', contract: 'OrderPlaced', producer: 'v2-breaking', consumer: 'v2-breaking', outcome: 'replayed', eventId: 'e1', consumerName: 'inventory' }),
      line({ component: 'payment', contract: 'payment.authorize', producer: 'v2-breaking', consumer: 'v1', outcome: 'rejected' }),
      line({ component: 'payment-service', contract: 'payment.authorize', producer: 'v1', consumer: 'v2-breaking', outcome: 'read', translated: true }),
      '{"msg":"contract read", torn',
      JSON.stringify({ msg: 'shop listening', contract: 'ignored' }),
    ].join('\n'));
    const faults = [{ spec: { kind: 'version' }, startMs: 1_000, endMs: 5_000 }, { spec: { kind: 'kill' }, startMs: 0, endMs: 9_000 }] as unknown as FaultWindow[];
    const runs = [
      { scheduledMs: 500, outcome: 'failed' }, { scheduledMs: 2_000, outcome: 'failed' }, { scheduledMs: 3_000, outcome: 'ok' },
    ] as unknown as JourneyRun[];

    const skew = contractSkew(contractReads(log), faults, runs);
    const quadrant = (contract: string, producer: string, consumer: string) =>
      skew.quadrants.find((q) => q.contract === contract && q.producer === producer && q.consumer === consumer);
    expect(skew.quadrants).toHaveLength(8);
    expect(quadrant('OrderPlaced', 'old', 'old')).toMatchObject({ read: 1, parked: 0 });
    expect(quadrant('OrderPlaced', 'new', 'old')).toMatchObject({ read: 0, parked: 2 });
    expect(quadrant('OrderPlaced', 'new', 'new')).toMatchObject({ replayed: 1 });
    expect(quadrant('payment.authorize', 'new', 'old')).toMatchObject({ rejected: 1 });
    expect(quadrant('payment.authorize', 'old', 'new')).toMatchObject({ read: 1, translated: 1 });
    expect(skew.stillParked).toBe(1);
    expect(skew.mixedWindow).toEqual({ startMs: 1_000, endMs: 5_000 });
    expect([skew.runsInWindow, skew.failedInWindow]).toEqual([2, 1]);
    expect(skew.consumersSeen).toEqual(['inventory', 'payment', 'payment-service']);
  });

  it('reads nothing from a log that does not exist (a monolith has no contract between processes)', () => {
    expect(contractReads('/nonexistent/central.ndjson')).toEqual([]);
    expect(contractSkew([], [], []).consumersSeen).toEqual([]);
  });
});
