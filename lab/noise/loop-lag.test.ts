import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startLoopLagMonitor } from './loop-lag.js';

describe('startLoopLagMonitor', () => {
  it('sees a blocked event loop, and not a free one', async () => {
    const free = startLoopLagMonitor();
    await delay(500);
    const freeLag = free.stop();

    const blocked = startLoopLagMonitor();
    await delay(100);
    const end = Date.now() + 300;
    while (Date.now() < end) {
      // hold the event loop, as a generator that falls behind does
    }
    await delay(100);
    const blockedLag = blocked.stop();

    expect(freeLag.maxMs).toBeLessThan(150);
    expect(blockedLag.maxMs).toBeGreaterThan(250);
    expect(blockedLag.maxMs).toBeLessThan(1_000);
    expect(blocked.stop()).toBe(blockedLag);
  });
});
