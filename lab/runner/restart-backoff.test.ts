import { describe, expect, it } from 'vitest';
import { RestartBackoff } from './restart-backoff.js';

describe('RestartBackoff', () => {
  it('doubles after each quick crash, up to the cap', () => {
    const backoff = new RestartBackoff();
    const delays = Array.from({ length: 10 }, () => backoff.delayAfter(50));
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000]);
  });

  it('starts over after a process stayed up 10 s', () => {
    const backoff = new RestartBackoff();
    backoff.delayAfter(10);
    backoff.delayAfter(10);
    expect(backoff.delayAfter(10_000)).toBe(100);
    expect(backoff.delayAfter(10)).toBe(200);
  });
});
