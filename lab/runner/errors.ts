/** The runner's errors: one class per thing that can go wrong, each with the facts needed to act on it. */

export class RunnerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The topology cannot be started as written (unknown dependency, cycle, bad edge). */
export class TopologyError extends RunnerError {}

/** An app's compiled entry is missing from dist/. */
export class EntryNotBuiltError extends RunnerError {
  constructor(readonly entry: string, readonly compiledPath: string) {
    super(`${entry} is not built: ${compiledPath} does not exist. Run \`npm run build\` first.`);
  }
}

/** A component did not answer its readiness check in time. */
export class ComponentNotReadyError extends RunnerError {
  constructor(
    readonly component: string,
    readonly instance: number,
    readonly url: string,
    readonly timeoutMs: number,
    readonly lastLogLines: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(
      `${component}[${instance}] was not ready after ${timeoutMs} ms: GET ${url} never answered 200.` +
        formatLogTail(lastLogLines),
      options,
    );
  }
}

/** A component's process ended while the runner waited for it to become ready. */
export class ComponentExitedError extends RunnerError {
  constructor(
    readonly component: string,
    readonly instance: number,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly lastLogLines: readonly string[],
  ) {
    super(
      `${component}[${instance}] exited (${signal ? `signal ${signal}` : `code ${exitCode}`}) before it was ready.` +
        formatLogTail(lastLogLines),
    );
  }
}

/** A component's process could not be spawned at all. */
export class ComponentSpawnError extends RunnerError {
  constructor(readonly component: string, readonly instance: number, options: { cause: unknown }) {
    super(`${component}[${instance}] could not be spawned: ${String(options.cause)}`, options);
  }
}

export class BrokerStartError extends RunnerError {
  constructor(readonly component: string, readonly broker: string, options: { cause: unknown }) {
    super(`broker ${component} (${broker}) did not start: ${String(options.cause)}`, options);
  }
}

/** A pooled broker asked for while another variant run holds it: runs share a broker one after another. */
export class BrokerLeasedError extends RunnerError {
  constructor(readonly broker: string) {
    super(`the pool's ${broker} is lent to another variant run; return it (stop that variant) first`);
  }
}

/** A broker asked of a pool that was stopped. */
export class BrokerPoolStoppedError extends RunnerError {
  constructor(readonly broker: string) {
    super(`the broker pool was stopped: no ${broker} to lend`);
  }
}

/** Asked for a component, replica or broker the variant does not have. */
export class UnknownComponentError extends RunnerError {}

/** Asked a stopped variant to do something. */
export class VariantStoppedError extends RunnerError {}

function formatLogTail(lines: readonly string[]): string {
  if (lines.length === 0) return ' It wrote no log lines.';
  return ` Its last log lines:\n  ${lines.join('\n  ')}`;
}
