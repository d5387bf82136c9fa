/** The generators' errors (load and probes). A run's failure is data, never one of these. */

export class GeneratorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The options were rejected before anything was started. */
export class InvalidGeneratorOptionsError extends GeneratorError {
  constructor(readonly generator: string, readonly issues: string, options?: { cause?: unknown }) {
    super(`${generator}: invalid options: ${issues}`, options);
  }
}

/** The worker process did not report that it started. */
export class GeneratorStartError extends GeneratorError {
  constructor(readonly generator: string, readonly detail: string, options?: { cause?: unknown }) {
    super(`${generator} worker did not start: ${detail}`, options);
  }
}

/** The worker process ended without sending its summary (killed, or crashed). */
export class GeneratorExitedError extends GeneratorError {
  constructor(readonly generator: string, readonly exitCode: number | null, readonly signal: NodeJS.Signals | null, readonly stderrTail = '') {
    super(`${generator} worker exited (${signal ? `signal ${signal}` : `code ${exitCode}`}) before sending its summary` +
      (stderrTail && `; its stderr ended with:\n${stderrTail}`));
  }
}
