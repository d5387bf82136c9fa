/**
 * The wire formats of the two contracts between processes, per revision (boundary/contracts.ts). Each
 * revision is real code: what a build of that revision writes, and what it can read.
 *
 *   OrderPlaced          v1 { …, lines }   v2-breaking { …, items }   v2-expand { …, lines, items }
 *   payment.authorize    v1 { …, amountCents }   v2-breaking { …, totalCents }   v2-expand both
 *   v2-additive          v1 plus `currency`
 *
 * Readers are tolerant of fields they do not know (v1 reads a v2-additive message), and read the name
 * their revision knows: v1 and v2-additive the old one, v2-breaking only the new one, v2-expand the new
 * one or else the old one. `read` answers the message in today's (v1) shape, or undefined when this
 * revision cannot read it: the caller parks an event, refuses a request.
 */
import type { ContractName, ContractRevision } from '../../../boundary/contracts.js';

/** The field each contract's v2 renames, and the field v2-additive adds. */
const CHANGES: Readonly<Record<ContractName, { readonly old: string; readonly renamed: string; readonly added: Readonly<Record<string, unknown>> }>> = {
  OrderPlaced: { old: 'lines', renamed: 'items', added: { currency: 'EUR' } },
  'payment.authorize': { old: 'amountCents', renamed: 'totalCents', added: { currency: 'EUR' } },
};

/** The HTTP / AMQP / NATS header that says which revision wrote a message. */
export const CONTRACT_HEADER = 'x-contract';
/** Set by soa's ESB on what it translated: the revision the message had when it reached the ESB. */
export const CONTRACT_ORIGIN_HEADER = 'x-contract-origin';

type Body = Readonly<Record<string, unknown>>;

/** `message` (in v1 shape) as `revision` writes it. */
export function writeContract(contract: ContractName, revision: ContractRevision, message: object): Body {
  const body = message as Body;
  const { old, renamed, added } = CHANGES[contract];
  switch (revision) {
    case 'v1': return body;
    case 'v2-additive': return { ...body, ...added };
    case 'v2-breaking': {
      const { [old]: value, ...rest } = body;
      return { ...rest, [renamed]: value };
    }
    case 'v2-expand': return { ...body, [renamed]: body[old] };
  }
}

/** `wire` as `revision` reads it, in v1 shape; undefined when this revision cannot read it. */
export function readContract(contract: ContractName, revision: ContractRevision, wire: unknown): Body | undefined {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return undefined;
  const body = wire as Body;
  const { old, renamed } = CHANGES[contract];
  const { [renamed]: fresh, ...rest } = body;
  switch (revision) {
    case 'v1':
    case 'v2-additive':
      return old in body ? rest : undefined;
    case 'v2-breaking':
      return renamed in body ? { ...rest, [old]: fresh } : undefined;
    case 'v2-expand':
      if (renamed in body) return { ...rest, [old]: fresh };
      return old in body ? rest : undefined;
  }
}

/** What the ESB sends on: a message every revision reads (the rename expanded), whatever it was written in. */
export function canonicalContract(contract: ContractName, wire: unknown): Body | undefined {
  const v1 = readContract(contract, 'v2-expand', wire);
  return v1 && writeContract(contract, 'v2-expand', v1);
}

/** A header value as a revision, or 'unknown' (a message from before revisions, or from someone else). */
export function revisionOf(value: unknown): ContractRevision | 'unknown' {
  const text = Buffer.isBuffer(value) ? value.toString() : value;
  return text === 'v1' || text === 'v2-additive' || text === 'v2-breaking' || text === 'v2-expand' ? text : 'unknown';
}
