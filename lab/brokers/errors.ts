/** Named errors for private brokers. Each says what was expected, and carries the broker's last log lines. */
import { describeLastAttempt } from '../process/errors.js';
import { formatLogTail } from '../process/log-tail.js';
import type { BrokerKind } from './types.js';

export class BrokerError extends Error {
  override readonly name: string = 'BrokerError';
}

export class BrokerBinaryMissingError extends BrokerError {
  override readonly name = 'BrokerBinaryMissingError';

  constructor(
    readonly kind: BrokerKind,
    readonly binary: string,
    readonly installHint: string,
  ) {
    super(`${binary} was not found, so no ${kind} broker can start. Install it: ${installHint}`);
  }
}

export interface BrokerStartTimeoutDetails {
  readonly kind: BrokerKind;
  readonly port: number;
  readonly waitedMs: number;
  readonly logTail: readonly string[];
}

export class BrokerStartTimeoutError extends BrokerError {
  override readonly name = 'BrokerStartTimeoutError';
  readonly kind: BrokerKind;
  readonly port: number;
  readonly waitedMs: number;
  readonly logTail: readonly string[];

  constructor(details: BrokerStartTimeoutDetails, options?: { cause?: unknown }) {
    super(
      `${details.kind} on 127.0.0.1:${details.port} did not accept a client within ${details.waitedMs} ms` +
        `${describeLastAttempt(options?.cause)}${formatLogTail(details.logTail)}`,
      options,
    );
    ({ kind: this.kind, port: this.port, waitedMs: this.waitedMs, logTail: this.logTail } = details);
  }
}

export interface BrokerExitedDetails {
  readonly kind: BrokerKind;
  readonly port: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly logTail: readonly string[];
}

/** The broker process ended while we were waiting for it to become ready. */
export class BrokerExitedError extends BrokerError {
  override readonly name = 'BrokerExitedError';
  readonly kind: BrokerKind;
  readonly port: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly logTail: readonly string[];

  constructor(details: BrokerExitedDetails) {
    const how = details.signal === null ? `with code ${details.exitCode}` : `by ${details.signal}`;
    super(`${details.kind} on 127.0.0.1:${details.port} exited ${how} before it was ready${formatLogTail(details.logTail)}`);
    ({ kind: this.kind, port: this.port, exitCode: this.exitCode, signal: this.signal, logTail: this.logTail } = details);
  }
}

/** The process guard could not launch the broker's command (not executable, bad working dir, ...). */
export class BrokerSpawnError extends BrokerError {
  override readonly name = 'BrokerSpawnError';

  constructor(
    readonly command: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`could not launch ${command}: ${reason}`, options);
  }
}

/** `restart()` after `stop()`: a stopped broker stays stopped; start a new one. */
export class BrokerStoppedError extends BrokerError {
  override readonly name = 'BrokerStoppedError';

  constructor(readonly kind: BrokerKind, readonly port: number) {
    super(`${kind} on 127.0.0.1:${port} was stopped and cannot be restarted; start a new broker instead`);
  }
}

/** A running broker that no client could get into, or that refused to open a scope. */
export class BrokerUnhealthyError extends BrokerError {
  override readonly name = 'BrokerUnhealthyError';

  constructor(readonly kind: BrokerKind, readonly port: number, what: string, options?: { cause?: unknown }) {
    super(`${kind} on 127.0.0.1:${port} ${what}${describeLastAttempt(options?.cause)}`, options);
  }
}

/** rabbitmqctl failed (or took too long) on a private node. */
export class RabbitMqCtlError extends BrokerError {
  override readonly name = 'RabbitMqCtlError';

  constructor(readonly args: readonly string[], output: string, options?: { cause?: unknown }) {
    super(`rabbitmqctl ${args.join(' ')} failed${output.trim() ? `: ${output.trim()}` : ''}`, options);
  }
}
