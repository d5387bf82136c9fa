import { describe, expect, it } from 'vitest';
import type { RunFile } from '../../results/write-run.js';
import { compareContractsSection } from './compare-contracts.js';
import { contractSkewSection } from './contract-skew-section.js';

const quadrant = (producer: 'old' | 'new', consumer: 'old' | 'new', counts: Partial<Record<'read' | 'parked' | 'replayed' | 'rejected' | 'translated', number>>) => ({
  contract: 'OrderPlaced' as const, producer, consumer, read: 0, parked: 0, replayed: 0, rejected: 0, translated: 0, ...counts,
});

const run = (contracts: object | null) => ({
  variants: [
    { variant: 'monolith', contracts: { quadrants: [], stillParked: 0, mixedWindow: null, runsInWindow: 100, failedInWindow: 0, consumersSeen: [] } },
    { variant: 'micro', contracts },
  ],
}) as unknown as RunFile;

describe('the version-skew section', () => {
  it('shows the quadrants that carried messages, marks parked ones, and says what stayed parked', () => {
    const text = contractSkewSection(run({
      quadrants: [quadrant('old', 'old', { read: 40 }), quadrant('new', 'old', { parked: 7 }), quadrant('new', 'new', { replayed: 7, read: 30 }), quadrant('old', 'new', {})],
      stillParked: 0, mixedWindow: { startMs: 0, endMs: 12_500 }, runsInWindow: 700, failedInWindow: 41, consumersSeen: ['inventory'],
    })).text;
    expect(text).toContain('Version skew');
    expect(text).toContain('new → old');
    expect(text).not.toContain('<td>old → new</td>'); // carried nothing
    expect(text).toContain('<td>new → old</td>');
    expect(text).toMatch(/class="num bad">7</);
    expect(text).toContain('41 of 700 runs failed in the mixed-version window (12.5 s)');
    expect(text).toContain('no contract between processes');
  });

  it('is absent from runs without version steps', () => {
    expect(contractSkewSection({ variants: [{ variant: 'soa' }] } as unknown as RunFile).text).toBe('');
  });

  it('goes into compare.html for the scenarios that rolled out a contract change, and only those', () => {
    const skewed = { ...run({ quadrants: [quadrant('new', 'old', { rejected: 3 })], stillParked: 2, mixedWindow: null, runsInWindow: 10, failedInWindow: 3, consumersSeen: ['payment'] }),
      scenario: { name: 'version-skew', title: 'A breaking change' }, startedAt: '2026-12-02T10:00:00Z' } as unknown as RunFile;
    const plain = { variants: [{ variant: 'soa' }], scenario: { name: 'baseline' }, startedAt: '2026-12-02T10:00:00Z' } as unknown as RunFile;
    const text = compareContractsSection([plain, skewed]).text;
    expect(text).toContain('A breaking change');
    expect(text).not.toContain('baseline');
    expect(text).toContain('2 event(s) still parked');
    expect(compareContractsSection([plain]).text).toBe('');
  });
});
