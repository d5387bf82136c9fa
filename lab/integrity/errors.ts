/** The integrity check's errors: each says which file or component is wrong and what was expected. */

export class IntegrityError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The topology does not say, unambiguously, which database file holds a module's tables. */
export class TopologyMismatchError extends IntegrityError {
  constructor(readonly variant: string, readonly module: string, detail: string) {
    super(`cannot check integrity of ${variant}: ${detail} (module '${module}')`);
  }
}

/** A database file is missing, unreadable, or lacks a table it should hold. */
export class DatabaseUnreadableError extends IntegrityError {
  constructor(readonly path: string, detail: string, options?: { cause?: unknown }) {
    super(`cannot read ${path}: ${detail}`, options);
  }
}
