import { describe, expect, it } from 'vitest';
import { issueOf } from './issue.js';
import { waitForQuiescence } from './wait-for-quiescence.js';

const progress = (inventory: number, recommendations: number, outbox: number) => ({
  eventsNotApplied: { inventory: issueOf(Array(inventory).fill('o')), recommendations: issueOf(Array(recommendations).fill('o')) },
  outboxPending: issueOf(Array(outbox).fill('e')),
});

describe('waiting for quiescence', () => {
  it('polls until events are applied and the outbox is empty', async () => {
    const states = [progress(3, 3, 2), progress(1, 2, 0), progress(0, 1, 0), progress(0, 0, 0)];
    let calls = 0;
    const result = await waitForQuiescence(() => states[Math.min(calls++, states.length - 1)] as ReturnType<typeof progress>, { timeoutMs: 2000, intervalMs: 10 });
    expect(result.quiesced).toBe(true);
    expect(calls).toBe(4);
  });

  it('gives up at the deadline and hands back the last state', async () => {
    const started = Date.now();
    const result = await waitForQuiescence(async () => progress(0, 0, 1), { timeoutMs: 300, intervalMs: 50 });
    expect(result.quiesced).toBe(false);
    expect(result.last.outboxPending.count).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
