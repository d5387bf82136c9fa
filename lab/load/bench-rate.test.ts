/** The rate search, kept small: it runs real workers against a bare node:http server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NonLoopbackTargetError } from '../journeys/index.js';
import { highestSustainedRate } from './index.js';

describe('highestSustainedRate', () => {
  let server: Server;
  let url: string;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((request, response) => { requests += 1; request.resume(); response.end('{"hello":"world"}'); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hello?x=1`;
  });
  afterAll(async () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));

  it('tries rates from the start rate up, judges each trial, and reports the best one that held', async () => {
    const result = await highestSustainedRate(url, { seconds: 1, startRatePerSecond: 100, maxRatePerSecond: 200, warmupMs: 300, attemptsPerRate: 1 });
    const [first] = result.trials;
    expect(first?.ratePerSecond).toBe(100);
    expect(first?.achievedPerSecond).toBeGreaterThan(90);
    expect(first?.failedPercent).toBe(0);
    expect(result.ratePerSecond).toBeLessThanOrEqual(200);
    expect(result.trials.every((trial) => trial.sustained === (trial.latePercent + trial.droppedPercent < 1 && trial.achievedPerSecond >= 0.99 * trial.ratePerSecond))).toBe(true);
    expect(requests).toBeGreaterThanOrEqual(100 * 1.3);
  });

  it('refuses a target that is not loopback', async () => {
    await expect(highestSustainedRate('http://example.com/', { seconds: 1 })).rejects.toThrow(NonLoopbackTargetError);
  });
});
