/**
 * How a service reads a request under a contract (boundary/contracts.ts): the body in today's shape, or
 * undefined when this build's revision cannot read it (the service then refuses it with a 4xx naming
 * the contract). Each read is logged as `contract read` for the version-skew quadrants.
 */
import type { Logger } from 'pino';
import { CONTRACT_READ, type ContractName, type ContractRead, type ContractRevision } from '../../../boundary/contracts.js';
import { readContract, revisionOf } from './wire.js';

export interface RequestProvenance {
  /** The revision header the request came with. */
  readonly producer: unknown;
  /** soa: the ESB translated it (the producer is then the revision it came to the ESB in). */
  readonly translated?: boolean;
}

export function readRequest(
  contract: ContractName, revision: ContractRevision, body: unknown, from: RequestProvenance, logger: Logger,
): Readonly<Record<string, unknown>> | undefined {
  const read = readContract(contract, revision, body);
  const record: ContractRead = {
    contract, producer: revisionOf(from.producer), consumer: revision, outcome: read ? 'read' : 'rejected', ...(from.translated ? { translated: true } : {}),
  };
  logger[read ? 'info' : 'warn'](record, CONTRACT_READ);
  return read;
}

/** The message a refused request gets: which contract, and what this build reads. */
export function contractRefusal(contract: ContractName, revision: ContractRevision, producer: unknown): string {
  return `${contract}: this build reads contract revision ${revision}; the request was written in ${String(revisionOf(producer))} and lacks the fields ${revision} needs`;
}
