/** Errors of the event plumbing. */
export class NatsNotReadyError extends Error {
  override readonly name = 'NatsNotReadyError';
  constructor(readonly url: string) {
    super(`NATS at ${url} is not connected (or its stream is not set up yet)`);
  }
}

/** A message on the order stream that is not an OrderPlaced event: terminated, never retried. */
export class MalformedEventError extends Error {
  override readonly name = 'MalformedEventError';
  constructor(readonly subject: string, options: { cause: unknown }) {
    super(`malformed event on ${subject}`, options);
  }
}
