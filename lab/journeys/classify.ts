import { RequestTimeoutError, RunStoppedError } from './errors.js';
import type { FailureCause } from './types.js';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** The cause of an HTTP status the journey did not expect, or undefined for a 2xx. */
export function causeOfStatus(status: number): FailureCause | undefined {
  if (status >= 200 && status < 300) return undefined;
  return status >= 500 ? '5xx' : 'unexpected-4xx';
}

/**
 * The cause of a request that got no answer: our deadline or undici's timeouts are `timeout`; anything
 * else at the transport level (refused, reset, closed, a garbled answer) is `refused`.
 * A stop of the generator is not a cause: it is rethrown so that the run is discarded.
 */
export function causeOfError(error: unknown): FailureCause {
  if (error instanceof RunStoppedError) throw error;
  if (error instanceof RequestTimeoutError) return 'timeout';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TIMEOUT_CODES.has(code) ? 'timeout' : 'refused';
}
