/** waitFor with made-up strategies and a real HTTP server: how it succeeds, and each way it fails. */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessExitedError, WaitTimeoutError } from './errors.js';
import type { ProcessExit } from './guarded-process.js';
import { waitFor, type WaitStrategy } from './wait.js';
import { http, probe } from './wait-strategies.js';

/** Fails `failures` times, then succeeds; counts its attempts. */
function flaky(failures: number): WaitStrategy & { attempts: number } {
  const strategy = {
    description: 'the flaky thing',
    attempts: 0,
    async attempt() {
      strategy.attempts += 1;
      if (strategy.attempts <= failures) throw new Error(`refused #${strategy.attempts}`);
    },
  };
  return strategy;
}

const never: WaitStrategy = { description: 'a hanging thing', attempt: () => new Promise(() => undefined) };

class CallerError extends Error {}

describe('waitFor', () => {
  it('retries until an attempt succeeds', async () => {
    const strategy = flaky(3);
    await waitFor(strategy, { timeoutMs: 5_000, intervalMs: 10 });
    expect(strategy.attempts).toBe(4);
  });

  it('at the deadline: the caller’s error, with the last attempt as cause and the log tail', async () => {
    const startedAt = performance.now();
    const failure = await waitFor(flaky(Infinity), {
      timeoutMs: 300, intervalMs: 20, logTail: () => ['booting', 'still booting'],
      timeoutError: (timedOut) => new CallerError(`gave up after ${timedOut.waitedMs} ms: ${timedOut.logTail.join('|')}`, { cause: timedOut.lastError }),
    }).catch((error: unknown) => error);
    const tookMs = performance.now() - startedAt;
    expect(failure).toBeInstanceOf(CallerError);
    expect((failure as Error).message).toMatch(/^gave up after \d+ ms: booting\|still booting$/);
    expect(((failure as Error).cause as Error).message).toMatch(/^refused #\d+$/);
    expect(tookMs).toBeGreaterThanOrEqual(290);
    expect(tookMs).toBeLessThan(1_000);
  });

  it('without an error of the caller’s: a WaitTimeoutError that says what it waited for', async () => {
    const failure = await waitFor(flaky(Infinity), { timeoutMs: 100, intervalMs: 10, logTail: () => ['one line'] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WaitTimeoutError);
    expect((failure as Error).message).toMatch(/^waited \d+ ms for the flaky thing in vain \(last attempt: refused #\d+\); its last log lines:\n {2}one line$/);
  });

  it('a timeout of 0 fails before any attempt', async () => {
    const strategy = flaky(0);
    await expect(waitFor(strategy, { timeoutMs: 0 })).rejects.toThrow(WaitTimeoutError);
    expect(strategy.attempts).toBe(0);
  });

  it('bounds every attempt, so a hanging one does not hold up the deadline', async () => {
    const startedAt = performance.now();
    const failure = await waitFor(never, { timeoutMs: 400, attemptTimeoutMs: 100, intervalMs: 10 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WaitTimeoutError);
    expect(((failure as Error).cause as Error).message).toMatch(/^no answer within \d+ ms$/);
    expect(performance.now() - startedAt).toBeLessThan(1_000);
  });

  it('fails at once, mid-attempt, when the process exits', async () => {
    let reportExit: (exit: ProcessExit) => void = () => undefined;
    const exited = new Promise<ProcessExit>((resolve) => (reportExit = resolve));
    setTimeout(() => reportExit({ code: 3, signal: null }), 100);
    const startedAt = performance.now();
    const failure = await waitFor(never, {
      timeoutMs: 10_000, attemptTimeoutMs: 10_000, exited, logTail: () => ['bad config'],
    }).catch((error: unknown) => error);
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    expect(failure).toBeInstanceOf(ProcessExitedError);
    expect((failure as Error).message).toBe('the process exited (code 3) while waiting for a hanging thing; its last log lines:\n  bad config');
  });

  it('takes the caller’s exit error, which may wait for the last log lines', async () => {
    const exit = { code: null, signal: 'SIGKILL' };
    const failure = waitFor(never, {
      exited: Promise.resolve(exit),
      exitError: async ({ signal }) => {
        await sleep(10);
        return new CallerError(`killed by ${signal}`);
      },
    });
    await expect(failure).rejects.toThrow(new CallerError('killed by SIGKILL'));
  });

  it('rejects with the signal’s reason once it aborts, with no deadline set', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(new CallerError('the variant stops')), 100);
    await expect(waitFor(never, { signal: stop.signal })).rejects.toThrow(new CallerError('the variant stops'));
  });
});

describe('strategies', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function serve(statusOf: (request: number) => number): Promise<string> {
    let requests = 0;
    server = createServer((_, response) => response.writeHead(statusOf((requests += 1))).end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
  }

  it('http: ready once GET answers the status asked for', async () => {
    const url = await serve((request) => (request < 3 ? 503 : 204));
    await waitFor(http(url, { status: 204 }), { timeoutMs: 5_000, intervalMs: 10 });
    const failure = await waitFor(http(url), { timeoutMs: 200, intervalMs: 10 }).catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(new RegExp(`^waited \\d+ ms for GET ${url} to answer 200 in vain \\(last attempt: GET ${url} answered 204\\)`));
  });

  it('http: a port nobody listens on is a failed attempt, not an error', async () => {
    const failure = await waitFor(http('http://127.0.0.1:1/readyz'), { timeoutMs: 200, intervalMs: 10 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WaitTimeoutError);
    expect(((failure as Error).cause as Error).message).toMatch(/ECONNREFUSED|connect/);
  });

  it('probe: ready once the client gets in, described as told', async () => {
    let calls = 0;
    const connect = async () => {
      calls += 1;
      if (calls < 2) throw new Error('connection refused');
    };
    await waitFor(probe(connect, 'a client to get into nats'), { timeoutMs: 5_000, intervalMs: 10 });
    expect(calls).toBe(2);
    expect(probe(connect).description).toBe('a client to get in');
  });
});
