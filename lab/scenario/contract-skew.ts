/**
 * The version-skew quadrants of a run: every message read under a contract, as the consumers logged it
 * (`contract read`, boundary/contracts.ts), counted by old/new producer × old/new consumer — old being
 * today's revision (v1), new any other. Plus the mixed-version window (from the first `version` step to
 * the end of the last) with the runs that failed in it, and the events still parked at the end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CONTRACT_READ, CONTRACTS, type ContractName, type ContractOutcome, type ContractRead } from '../../boundary/contracts.js';
import type { JourneyRun } from '../journeys/types.js';
import type { FaultWindow } from './run-variant.js';

export type Side = 'old' | 'new';

export interface ContractQuadrant {
  readonly contract: ContractName;
  readonly producer: Side;
  readonly consumer: Side;
  /** Messages by outcome; `translated`: how many of them soa's ESB had translated on the way. */
  readonly read: number;
  readonly parked: number;
  readonly replayed: number;
  readonly rejected: number;
  readonly translated: number;
}

export interface ContractSkew {
  /** Both contracts × the four quadrants, in a fixed order, zeros included. */
  readonly quadrants: readonly ContractQuadrant[];
  /** Events parked and never replayed by the end of the run (each counted once). */
  readonly stillParked: number;
  /** From the first version step's start to the last one's end, relative to nothing: epoch ms. */
  readonly mixedWindow: { readonly startMs: number; readonly endMs: number } | null;
  /** Load runs scheduled in the mixed-version window, and how many of them failed. */
  readonly runsInWindow: number;
  readonly failedInWindow: number;
  /** Consumers that logged reads: none in a monolith, whose modules share one process and one build. */
  readonly consumersSeen: readonly string[];
}

const SIDES: readonly Side[] = ['old', 'new'];
const sideOf = (revision: string): Side => (revision === 'v1' || revision === 'unknown' ? 'old' : 'new');

/** The reads logged in a central log (NDJSON): each with the component that logged it and the event id. */
export function contractReads(centralLogPath: string): Array<ContractRead & { component: string; eventId?: string; consumerName?: string }> {
  if (!existsSync(centralLogPath)) return [];
  const reads = [];
  for (const line of readFileSync(centralLogPath, 'utf8').split('\n')) {
    if (!line.includes(CONTRACT_READ)) continue;
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry.msg === CONTRACT_READ && typeof entry.contract === 'string') reads.push(entry as unknown as ContractRead & { component: string; eventId?: string; consumerName?: string });
    } catch {
      // a torn last line: skip it
    }
  }
  return reads;
}

export function contractSkew(
  reads: ReturnType<typeof contractReads>, faults: readonly FaultWindow[], runs: readonly JourneyRun[],
): ContractSkew {
  const quadrants = CONTRACTS.flatMap((contract) => SIDES.flatMap((producer) => SIDES.map((consumer): ContractQuadrant => {
    const mine = reads.filter((r) => r.contract === contract && sideOf(r.producer) === producer && sideOf(r.consumer) === consumer);
    const count = (outcome: ContractOutcome) => mine.filter((r) => r.outcome === outcome).length;
    return {
      contract, producer, consumer,
      read: count('read'), parked: count('parked'), replayed: count('replayed'), rejected: count('rejected'),
      translated: mine.filter((r) => r.translated === true).length,
    };
  })));
  const key = (r: { consumerName?: string; component: string; eventId?: string }) => `${r.consumerName ?? r.component}/${r.eventId ?? ''}`;
  const replayed = new Set(reads.filter((r) => r.outcome === 'replayed').map(key));
  const stillParked = new Set(reads.filter((r) => r.outcome === 'parked' && !replayed.has(key(r))).map(key)).size;
  const versions = faults.filter((f) => f.spec.kind === 'version');
  const mixedWindow = versions.length === 0 ? null
    : { startMs: Math.min(...versions.map((f) => f.startMs)), endMs: Math.max(...versions.map((f) => f.endMs)) };
  const inWindow = mixedWindow ? runs.filter((r) => r.scheduledMs >= mixedWindow.startMs && r.scheduledMs <= mixedWindow.endMs) : [];
  return {
    quadrants,
    stillParked,
    mixedWindow,
    runsInWindow: inWindow.length,
    failedInWindow: inWindow.filter((r) => r.outcome === 'failed').length,
    consumersSeen: [...new Set(reads.map((r) => r.component))].sort(),
  };
}
