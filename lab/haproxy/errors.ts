/** Named errors for the lab's HAProxy. Each says what was expected; start failures carry its last log lines. */
import { describeLastAttempt } from '../process/errors.js';
import { formatLogTail } from '../process/log-tail.js';

export class LoadBalancerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class HaproxyBinaryMissingError extends LoadBalancerError {
  constructor(readonly binary: string, readonly installHint: string) {
    super(`${binary} was not found, so no load balancer can start. Install it: ${installHint}`);
  }
}

/** The options were rejected before anything was started: one issue per line. */
export class InvalidLoadBalancerOptionsError extends LoadBalancerError {
  constructor(readonly issues: readonly string[], options?: { cause?: unknown }) {
    super(`invalid load balancer options:\n  ${issues.join('\n  ')}`, options);
  }
}

/** HAProxy ended before it was ready: a port already taken, a config it refused. */
export class HaproxyExitedError extends LoadBalancerError {
  constructor(readonly exitCode: number | null, readonly signal: string | null, readonly logTail: readonly string[]) {
    const how = signal === null ? `with code ${exitCode}` : `by ${signal}`;
    super(`haproxy exited ${how} before it was ready${formatLogTail(logTail)}`);
  }
}

export class HaproxyStartTimeoutError extends LoadBalancerError {
  constructor(readonly socketPath: string, readonly waitedMs: number, readonly logTail: readonly string[], options?: { cause?: unknown }) {
    super(`haproxy did not answer on its runtime API ${socketPath} within ${waitedMs} ms${describeLastAttempt(options?.cause)}${formatLogTail(logTail)}`, options);
  }
}

/** The runtime API refused a command, or did not answer in time. */
export class HaproxyCommandError extends LoadBalancerError {
  constructor(readonly command: string, readonly answer: string, options?: { cause?: unknown }) {
    super(`haproxy refused "${command}": ${answer || 'no answer'}`, options);
  }
}

export class UnknownFrontendError extends LoadBalancerError {
  constructor(readonly frontend: string, readonly known: readonly string[]) {
    super(`no frontend "${frontend}" on this load balancer (it has: ${known.join(', ')})`);
  }
}

/** A command after `stop()`: a stopped load balancer stays stopped; start a new one. */
export class LoadBalancerStoppedError extends LoadBalancerError {
  constructor(readonly command: string) {
    super(`the load balancer was stopped; cannot ${command}`);
  }
}

/** `removeServer`: requests were still in flight on the server when the drain deadline passed. */
export class DrainTimeoutError extends LoadBalancerError {
  constructor(readonly frontend: string, readonly server: string, readonly waitedMs: number, readonly currentSessions: number) {
    super(`${frontend}/${server} still had ${currentSessions} request(s) in flight after draining for ${waitedMs} ms; it is left in drain`);
  }
}
