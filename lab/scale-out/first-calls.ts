/**
 * When each replica answered its first call of a module: the line every app logs once per module it
 * hosts (FIRST_CALL_ANSWERED_MESSAGE), as the central log hands it over. For a new replica that is the
 * moment it took traffic, through whatever finds it (HAProxy, the queue, the registry).
 */
import { FIRST_CALL_ANSWERED_MESSAGE } from '../../boundary/app-env.js';
import type { LogLine } from '../runner/types.js';

export class FirstCalls {
  readonly #seen = new Map<string, number>();
  readonly #waiting = new Set<() => void>();

  /** For `startVariant`'s `onLog`. */
  readonly onLog = (line: LogLine): void => {
    const { msg, module, time } = line as LogLine & { msg?: unknown; module?: unknown; time?: unknown };
    if (msg !== FIRST_CALL_ANSWERED_MESSAGE || typeof module !== 'string') return;
    const key = keyOf(line.component, line.instance, module);
    if (this.#seen.has(key)) return;
    // pino's own time (the app's clock, the same machine's) is when it answered; `t` when the lab read it.
    this.#seen.set(key, typeof time === 'number' ? time : line.t);
    for (const wake of this.#waiting) wake();
  };

  /** Epoch ms of the line, or undefined when not (yet) seen. */
  at(component: string, instance: number, module: string): number | undefined {
    return this.#seen.get(keyOf(component, instance, module));
  }

  /** Resolves true once every replica named answered a call of `module`, false after `timeoutMs`. */
  async waitFor(component: string, instances: readonly number[], module: string, timeoutMs: number): Promise<boolean> {
    const done = () => instances.every((i) => this.at(component, i, module) !== undefined);
    if (done()) return true;
    return new Promise((resolve) => {
      const finish = (value: boolean) => { clearTimeout(timer); this.#waiting.delete(check); resolve(value); };
      const check = () => { if (done()) finish(true); };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.#waiting.add(check);
    });
  }
}

function keyOf(component: string, instance: number, module: string): string {
  return `${component}#${instance}#${module}`;
}
