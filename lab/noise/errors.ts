/** The noise guard's errors. A busy machine is a finding (a report), never one of these. */

export class NoiseGuardError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A `/proc` file did not have the shape the kernel documents (proc(5)). */
export class ProcParseError extends NoiseGuardError {
  constructor(readonly file: string, readonly detail: string, readonly text: string) {
    super(`${file}: ${detail}: ${JSON.stringify(text.slice(0, 120))}`);
  }
}
