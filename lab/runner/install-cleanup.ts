/**
 * For the CLI: whatever ends the lab process (Ctrl-C, SIGTERM, a bug), stop every started variant
 * first, then exit non-zero. A second Ctrl-C exits at once: the apps still die, on IPC disconnect.
 */
export interface Stoppable {
  stop(): Promise<void>;
}

export interface CleanupOptions {
  /** Force the exit if stopping takes longer than this. 20 s unless told. */
  readonly stopTimeoutMs?: number;
  readonly exit?: (code: number) => void;
  readonly report?: (message: string) => void;
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** Installs the handlers; returns a function that removes them (call it after a normal stop). */
export function installCleanup(targets: Stoppable | readonly Stoppable[], options: CleanupOptions = {}): () => void {
  const stoppables: readonly Stoppable[] = Array.isArray(targets) ? targets : [targets as Stoppable];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const report = options.report ?? ((message: string) => process.stderr.write(`${message}\n`));
  let exitCode: number | undefined;

  const shutDown = (code: number, why: string) => {
    if (exitCode !== undefined) {
      report(`archlab: ${why} again, exiting now`);
      return exit(exitCode);
    }
    exitCode = code;
    report(`archlab: ${why}, stopping every process…`);
    const force = setTimeout(() => exit(code), options.stopTimeoutMs ?? 20_000);
    void Promise.allSettled(stoppables.map((s) => s.stop())).then(() => {
      clearTimeout(force);
      exit(code);
    });
  };

  const onSignal = (signal: keyof typeof EXIT_CODES) => shutDown(EXIT_CODES[signal], signal);
  const onError = (error: unknown) => shutDown(1, `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
}
