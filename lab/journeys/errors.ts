/** The journeys' errors. Transport failures of a run are not errors: they become a run's `cause`. */

export class JourneyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The lab only ever sends traffic to this machine's loopback interface. */
export class NonLoopbackTargetError extends JourneyError {
  constructor(readonly url: string, readonly reason: string) {
    super(`refusing to send traffic to "${url}": ${reason}. archlab only targets http://127.0.0.1:PORT or http://[::1]:PORT.`);
  }
}

/** The abort reason of a request that passed its per-request timeout: classified `timeout`. */
export class RequestTimeoutError extends JourneyError {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/** The abort reason of a request cut short because the generator stopped: the run is discarded, not counted. */
export class RunStoppedError extends JourneyError {
  constructor() {
    super('the generator stopped while this run was in flight');
  }
}
