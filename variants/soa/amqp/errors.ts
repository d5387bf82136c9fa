/**
 * How a failure crosses the bus. A transport failure (broker down, nobody answering in time) travels
 * as a `Fault` and becomes UpstreamUnavailableError / UpstreamTimeoutError again on the caller's side,
 * so the edge answers 503 / 504. A handler that threw becomes a RemoteOperationError: a 500, like the
 * same throw in the monolith.
 */
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../../common/errors.js';
import type { Fault } from '../messages.js';

export class RemoteOperationError extends Error {
  override readonly name = 'RemoteOperationError';
  readonly code = 'REMOTE.FAILED';
  constructor(readonly upstream: string, readonly kind: 'failed' | 'invalid', message: string) {
    super(`${upstream} failed: ${message}`);
  }
}

/** A message the consumer cannot handle: unknown type, body that is not JSON or not the schema. */
export class InvalidMessageError extends Error {
  override readonly name = 'InvalidMessageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function faultOf(error: unknown, self: string): Fault {
  if (error instanceof UpstreamUnavailableError) return { kind: 'unavailable', upstream: error.upstream, message: reason(error) };
  if (error instanceof UpstreamTimeoutError) return { kind: 'timeout', upstream: error.upstream, message: error.message, timeoutMs: error.timeoutMs };
  if (error instanceof RemoteOperationError) return { kind: error.kind, upstream: error.upstream, message: error.message };
  if (error instanceof InvalidMessageError) return { kind: 'invalid', upstream: self, message: error.message };
  return { kind: 'failed', upstream: self, message: error instanceof Error ? error.message : String(error) };
}

export function errorOf(fault: Fault): Error {
  switch (fault.kind) {
    case 'unavailable':
      return new UpstreamUnavailableError(fault.upstream, fault.message);
    case 'timeout':
      return new UpstreamTimeoutError(fault.upstream, fault.timeoutMs ?? 0);
    default:
      return new RemoteOperationError(fault.upstream, fault.kind, fault.message);
  }
}

/** True for failures that say nothing about whether the other side acted: worth a retry of an idempotent call. */
export function isTransportFailure(error: unknown): boolean {
  return error instanceof UpstreamUnavailableError || error instanceof UpstreamTimeoutError;
}

/** The message without the "X is unavailable: " prefix, so that it does not repeat at every hop. */
function reason(error: UpstreamUnavailableError): string {
  const prefix = `${error.upstream} is unavailable: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
