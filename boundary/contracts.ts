/**
 * Contract revisions: which wire format of the inter-process contracts (the OrderPlaced event and the
 * payment authorization API) a process writes and reads. Selected by `ARCHLAB_CONTRACT`; the code that
 * writes and reads each revision is in variants/common/contracts/.
 *
 *   v1            today's format
 *   v2-additive   adds a field (`currency`); a tolerant v1 reader ignores it
 *   v2-breaking   renames a field (OrderPlaced `lines` → `items`, payment `amountCents` → `totalCents`);
 *                 writes and reads only the new name
 *   v2-expand     the same rename with expand/contract: writes both names, reads the new one or the old
 *
 * Every consumer logs each message it reads with `CONTRACT_READ` and the fields of `ContractRead`: the
 * lab counts them into the version-skew quadrants (old/new producer × old/new consumer).
 */
export const CONTRACT_REVISIONS = ['v1', 'v2-additive', 'v2-breaking', 'v2-expand'] as const;
export type ContractRevision = (typeof CONTRACT_REVISIONS)[number];

export const CONTRACTS = ['OrderPlaced', 'payment.authorize'] as const;
export type ContractName = (typeof CONTRACTS)[number];

/** The log message of one read. */
export const CONTRACT_READ = 'contract read';

/**
 * read: understood and handed on; parked: an event this reader cannot read, kept to be read again by a
 * later revision; replayed: a parked event read now; rejected: a request refused (its caller sees a 4xx).
 */
export type ContractOutcome = 'read' | 'parked' | 'replayed' | 'rejected';

export interface ContractRead {
  readonly contract: ContractName;
  /** The revision the message was first written in (for soa, before the ESB translated it). */
  readonly producer: ContractRevision | 'unknown';
  readonly consumer: ContractRevision;
  readonly outcome: ContractOutcome;
  /** Set when the ESB translated the message between producer and consumer. */
  readonly translated?: boolean;
}
