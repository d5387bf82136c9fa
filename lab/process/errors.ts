/** Named errors of the process stack: a launch that failed, a wait that timed out or saw its process end. */

export class ProcessError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The guard could not launch the command (not executable, bad working dir, ...). */
export class ProcessSpawnError extends ProcessError {
  constructor(readonly command: string, readonly reason: string, options?: { cause?: unknown }) {
    super(`could not launch ${command}: ${reason}`, options);
  }
}
