import { describe, expect, it } from 'vitest';
import { CONTRACT_REVISIONS, type ContractRevision } from '../../../boundary/contracts.js';
import { canonicalContract, readContract, revisionOf, writeContract } from './wire.js';

const event = { id: 'e1', type: 'OrderPlaced', orderId: 'o1', lines: [{ productId: 'p1', quantity: 2 }], totalCents: 500, occurredAt: 'now' };

/** Who can read whom: the matrix the version-skew scenario measures. */
const READS: Record<ContractRevision, readonly ContractRevision[]> = {
  v1: ['v1', 'v2-additive', 'v2-expand'],
  'v2-additive': ['v1', 'v2-additive', 'v2-expand'],
  'v2-breaking': ['v2-breaking', 'v2-expand'],
  'v2-expand': ['v1', 'v2-additive', 'v2-breaking', 'v2-expand'],
};

describe('contract wire formats', () => {
  for (const reader of CONTRACT_REVISIONS) {
    for (const writer of CONTRACT_REVISIONS) {
      const readable = READS[reader].includes(writer);
      it(`${reader} ${readable ? 'reads' : 'cannot read'} what ${writer} writes`, () => {
        const read = readContract('OrderPlaced', reader, writeContract('OrderPlaced', writer, event));
        if (readable) expect(read).toMatchObject(event);
        else expect(read).toBeUndefined();
      });
    }
  }

  it('renames the payment amount in v2-breaking and keeps both names in v2-expand', () => {
    const request = { orderId: 'o1', amountCents: 500, cardNumber: '4242' };
    expect(writeContract('payment.authorize', 'v2-breaking', request)).toEqual({ orderId: 'o1', totalCents: 500, cardNumber: '4242' });
    expect(writeContract('payment.authorize', 'v2-expand', request)).toMatchObject({ amountCents: 500, totalCents: 500 });
    expect(readContract('payment.authorize', 'v1', { orderId: 'o1', totalCents: 500 })).toBeUndefined();
    expect(readContract('payment.authorize', 'v2-breaking', { orderId: 'o1', totalCents: 500 })).toEqual({ orderId: 'o1', amountCents: 500 });
  });

  it('translates anything the ESB can read into a message every revision reads', () => {
    const canonical = canonicalContract('OrderPlaced', writeContract('OrderPlaced', 'v2-breaking', event));
    for (const reader of CONTRACT_REVISIONS) expect(readContract('OrderPlaced', reader, canonical)).toMatchObject(event);
    expect(canonicalContract('OrderPlaced', { id: 'e1' })).toBeUndefined();
  });

  it('reads the revision from a header, buffers included', () => {
    expect(revisionOf(Buffer.from('v2-breaking'))).toBe('v2-breaking');
    expect(revisionOf(undefined)).toBe('unknown');
    expect(revisionOf('v9')).toBe('unknown');
  });
});
