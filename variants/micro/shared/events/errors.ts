/** Errors of the event plumbing. */
export class NatsNotReadyError extends Error {
  override readonly name = 'NatsNotReadyError';
  constructor(readonly url: string) {
    super(`NATS at ${url} is not connected (or its stream is not set up yet)`);
  }
}
