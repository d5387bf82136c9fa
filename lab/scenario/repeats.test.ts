import { describe, expect, it } from 'vitest';
import { combineVerdicts } from './repeats.js';
import type { Verdict, VerdictStatus } from './verdicts.js';

const verdict = (variant: 'monolith' | 'micro', status: VerdictStatus, reason = ''): Verdict => ({
  variant, statement: `${variant} statement`, status, reason, held: status === 'inconclusive' ? null : status !== 'not-held', details: [],
});

describe('verdicts over repeats', () => {
  it('hold only when they held in every conclusive repeat', () => {
    const [v] = combineVerdicts([[verdict('micro', 'held')], [verdict('micro', 'held')], [verdict('micro', 'held')]]);
    expect(v).toMatchObject({ status: 'held', held: true, reason: 'held 3/3', repeats: { total: 3, held: 3, inconclusive: 0 } });
  });

  it('do not hold when one conclusive repeat failed, and count it', () => {
    const [v] = combineVerdicts([[verdict('micro', 'held')], [verdict('micro', 'not-held', 'cart failing')], [verdict('micro', 'held')]]);
    expect(v?.status).toBe('not-held');
    expect(v?.reason).toBe('not held in 1/3 conclusive repeats: cart failing');
  });

  it('leave inconclusive repeats out, and are inconclusive when none was conclusive', () => {
    const [some] = combineVerdicts([[verdict('monolith', 'inconclusive', 'busy')], [verdict('monolith', 'held')]]);
    expect(some).toMatchObject({ status: 'held', reason: 'held 1/1 (1 inconclusive: busy)' });
    const [none] = combineVerdicts([[verdict('monolith', 'inconclusive', 'busy')], [verdict('monolith', 'inconclusive', 'busy')]]);
    expect(none).toMatchObject({ status: 'inconclusive', held: null });
  });

  it('keep each variant apart, and pass a single run through unchanged', () => {
    const combined = combineVerdicts([[verdict('monolith', 'held'), verdict('micro', 'deviated', 'slow after')], [verdict('monolith', 'held'), verdict('micro', 'held')]]);
    expect(combined.map((v) => [v.variant, v.status])).toEqual([['monolith', 'held'], ['micro', 'deviated']]);
    const single = [verdict('micro', 'not-held')];
    expect(combineVerdicts([single])).toEqual(single);
  });
});
