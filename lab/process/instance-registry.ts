/**
 * A small file per live broker instance (HAProxy included), under `.archlab/instances/`: which lab owns
 * it and how to find what it left behind. Written once the broker runs, removed once its guard has
 * cleaned up. A file whose lab is dead marks an instance that may have outlived it;
 * `sweepStaleInstances` reads them.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labRoot } from './lab-root.js';
import { processStartTicks } from './process-identity.js';

export interface BrokerInstanceRecord {
  /** `rabbitmq`, `nats`, `haproxy`, or the command's name. */
  readonly kind: string;
  readonly labPid: number;
  /** The lab's start time (Linux clock ticks), so a reused pid is not taken for the lab. */
  readonly labStartTicks?: number;
  readonly guardPid: number;
  /** Also the broker's process group id. */
  readonly brokerPid: number;
  /** Every process of the instance (epmd included) carries `ARCHLAB_BROKER_DIR=<brokerDir>`. */
  readonly brokerDir: string;
  readonly epmd?: { readonly path: string; readonly port: number };
  readonly startedAt: string;
}

/** `<repository>/.archlab/instances`, where every lab on this checkout registers its brokers. */
export function defaultRegistryDir(): string {
  return join(labRoot(), '.archlab', 'instances');
}

/** Writes the record; returns the function that removes it. */
export function registerInstance(registryDir: string, record: Omit<BrokerInstanceRecord, 'labPid' | 'labStartTicks' | 'startedAt'>): () => void {
  const full: BrokerInstanceRecord = {
    ...record, labPid: process.pid, labStartTicks: processStartTicks(process.pid), startedAt: new Date().toISOString(),
  };
  const file = join(registryDir, `${process.pid}-${record.brokerPid}.json`);
  try {
    mkdirSync(registryDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(full)}\n`);
  } catch {
    // Only the fallback sweep relies on it: a read-only checkout still runs.
    return () => undefined;
  }
  return () => rmSync(file, { force: true });
}

export interface RegisteredInstance {
  readonly file: string;
  readonly record: BrokerInstanceRecord;
}

export function readInstanceRecords(registryDir: string): RegisteredInstance[] {
  let names: string[];
  try {
    names = readdirSync(registryDir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = join(registryDir, name);
    try {
      return [{ file, record: JSON.parse(readFileSync(file, 'utf8')) as BrokerInstanceRecord }];
    } catch {
      return []; // half-written by a lab that died at that moment: nothing to go on
    }
  });
}
