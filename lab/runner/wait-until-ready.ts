import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

export interface ReadinessPoll {
  readonly url: string;
  /** Give up after this long; undefined polls until `signal` aborts. */
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** Aborts the wait (the process died, the variant stops): the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Polls `GET url` until it answers 200. Resolves `true` when it did, `false` when `timeoutMs` ran out. */
export async function waitUntilReady({ url, timeoutMs, intervalMs = 50, signal }: ReadinessPoll): Promise<boolean> {
  const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    if (await answersOk(url, Math.min(1_000, Math.max(1, deadline - Date.now())), signal)) return true;
    signal?.throwIfAborted();
    const leftMs = deadline - Date.now();
    if (leftMs <= 0) return false;
    await sleep(Math.min(intervalMs, leftMs), undefined, { signal }).catch(() => undefined);
  }
}

async function answersOk(url: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<boolean> {
  const attempt = AbortSignal.timeout(timeoutMs);
  try {
    // `reset`: no pooled keep-alive socket outlives a process the lab is about to kill.
    const response = await request(url, { reset: true, signal: signal ? AbortSignal.any([signal, attempt]) : attempt });
    await response.body.dump();
    return response.statusCode === 200;
  } catch {
    return false;
  }
}
