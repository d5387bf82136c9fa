/**
 * A small file per live guarded instance (a broker, HAProxy), under `.archlab/instances/`: which lab owns
 * it and how to find what it left behind. Written once the process runs, removed once its guard has
 * cleaned up. A file whose lab is dead marks an instance that may have outlived it;
 * `sweepStaleInstances` reads them.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labRoot } from './lab-root.js';
import { processStartTicks } from './process-identity.js';

/**
 * The environment variable every process of a guarded instance carries (epmd included), set to the
 * instance's folder: the sweep, renice and the noise guard find an instance's processes by it.
 */
export const INSTANCE_DIR_ENV = 'ARCHLAB_INSTANCE_DIR';
/** Its name before HAProxy ran under the guard too: what the processes of a record without `instanceDir` carry. */
const LEGACY_INSTANCE_DIR_ENV = 'ARCHLAB_BROKER_DIR';

export interface InstanceRecord {
  /** `rabbitmq`, `nats`, `haproxy`, or the command's name. */
  readonly kind: string;
  readonly labPid: number;
  /** The lab's start time (Linux clock ticks), so a reused pid is not taken for the lab. */
  readonly labStartTicks?: number;
  readonly guardPid: number;
  /** The guarded process's pid, also its process group id. */
  readonly pid: number;
  /** Every process of the instance carries `<INSTANCE_DIR_ENV>=<instanceDir>`. */
  readonly instanceDir: string;
  readonly epmd?: { readonly path: string; readonly port: number };
  readonly startedAt: string;
}

/** A record as labs wrote it before the rename. */
interface LegacyInstanceRecord extends Omit<InstanceRecord, 'pid' | 'instanceDir'> {
  readonly brokerPid: number;
  readonly brokerDir: string;
}

/** `<repository>/.archlab/instances`, where every lab on this checkout registers its guarded instances. */
export function defaultRegistryDir(): string {
  return join(labRoot(), '.archlab', 'instances');
}

/** Writes the record; returns the function that removes it. */
export function registerInstance(registryDir: string, record: Omit<InstanceRecord, 'labPid' | 'labStartTicks' | 'startedAt'>): () => void {
  const full: InstanceRecord = {
    ...record, labPid: process.pid, labStartTicks: processStartTicks(process.pid), startedAt: new Date().toISOString(),
  };
  const file = join(registryDir, `${process.pid}-${record.pid}.json`);
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
  readonly record: InstanceRecord;
  /** The variable its processes carry: `INSTANCE_DIR_ENV`, or the old name for a record written before the rename. */
  readonly envName: string;
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
      return [withEnvName(file, JSON.parse(readFileSync(file, 'utf8')) as InstanceRecord | LegacyInstanceRecord)];
    } catch {
      return []; // half-written by a lab that died at that moment: nothing to go on
    }
  });
}

function withEnvName(file: string, record: InstanceRecord | LegacyInstanceRecord): RegisteredInstance {
  if (!('brokerDir' in record)) return { file, record, envName: INSTANCE_DIR_ENV };
  const { brokerPid, brokerDir, ...rest } = record;
  return { file, record: { ...rest, pid: brokerPid, instanceDir: brokerDir }, envName: LEGACY_INSTANCE_DIR_ENV };
}
