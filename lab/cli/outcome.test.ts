import { describe, expect, it } from 'vitest';
import { exitCodeOf, type RunOutcome } from './outcome.js';

const outcome = (over: Partial<RunOutcome> = {}): RunOutcome => ({
  scenario: 's', dir: '/tmp/x', complete: true, verdicts: [{ variant: 'micro', status: 'held', statement: 'x', reason: '' }],
  integrity: [{ variant: 'micro', clean: true }], errors: [], journeys: [], ...over,
});

describe('exit codes', () => {
  it('0 when every verdict held and integrity is clean', () => expect(exitCodeOf([outcome(), outcome()])).toBe(0));
  it('1 when a hypothesis did not hold or deviated', () => {
    expect(exitCodeOf([outcome(), outcome({ verdicts: [{ variant: 'micro', status: 'not-held', statement: 'x', reason: 'r' }] })])).toBe(1);
    expect(exitCodeOf([outcome({ verdicts: [{ variant: 'micro', status: 'deviated', statement: 'x', reason: 'r' }] })])).toBe(1);
  });
  it('1 when integrity is not clean or a variant failed', () => {
    expect(exitCodeOf([outcome({ integrity: [{ variant: 'soa', clean: false }] })])).toBe(1);
    expect(exitCodeOf([outcome({ errors: [{ variant: 'soa', error: 'no broker' }] })])).toBe(1);
  });
  it('3 when nothing failed but something was inconclusive; a failure wins over it', () => {
    const doubtful = outcome({ verdicts: [{ variant: 'micro', status: 'inconclusive', statement: 'x', reason: 'busy' }] });
    expect(exitCodeOf([outcome(), doubtful])).toBe(3);
    expect(exitCodeOf([doubtful, outcome({ integrity: [{ variant: 'soa', clean: false }] })])).toBe(1);
  });
});
