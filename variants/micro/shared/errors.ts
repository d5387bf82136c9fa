/**
 * Errors of the micro variant's internal calls. A service that cannot be reached or is too slow is
 * reported with the common `UpstreamUnavailableError` / `UpstreamTimeoutError` (503 / 504 at every
 * edge); these classes cover what is left: a service that answered, but not with a shop outcome.
 */

/** A service answered with a status and body that is no business outcome: a 5xx of its own, or a bug. */
export class ServiceFailedError extends Error {
  override readonly name = 'ServiceFailedError';
  constructor(readonly service: string, readonly status: number, readonly code: string | undefined, options?: { cause?: unknown }) {
    super(`${service} failed with HTTP ${status}${code ? ` (${code})` : ''}`, options);
  }
}

/** A service could not be reached (refused, reset, closed): the request may or may not have been served. */
export class ServiceUnreachableError extends Error {
  override readonly name = 'ServiceUnreachableError';
  /** The transport's word for it: `ECONNREFUSED connect ECONNREFUSED 127.0.0.1:4321`. */
  readonly reason: string;
  constructor(readonly service: string, options: { cause: unknown }) {
    const reason = describeCause(options.cause);
    super(`${service} could not be reached: ${reason}`, options);
    this.reason = reason;
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} ${cause.message}` : cause.message;
  }
  return String(cause);
}
