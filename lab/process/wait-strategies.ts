/** The ways `waitFor` can tell a process is ready: an HTTP answer, or any client that gets in. */
import { request } from 'undici';
import type { WaitStrategy } from './wait.js';

/** `GET url` answers `status`. A fresh connection per attempt: no pooled socket outlives a process the lab kills. */
export function http(url: string, { status = 200 }: { status?: number } = {}): WaitStrategy {
  return {
    description: `GET ${url} to answer ${status}`,
    async attempt(signal) {
      const response = await request(url, { reset: true, signal });
      await response.body.dump();
      if (response.statusCode !== status) throw new Error(`GET ${url} answered ${response.statusCode}`);
    },
  };
}

/** `attempt` resolves: a client connected (and let go again). It should give up on its own, or when `signal` aborts. */
export function probe(attempt: (signal: AbortSignal) => Promise<unknown>, description = 'a client to get in'): WaitStrategy {
  return {
    description,
    async attempt(signal) {
      await attempt(signal);
    },
  };
}
