/**
 * Module faults, injected by the lab over the process's IPC channel (nothing outside the lab can
 * reach it). Every variant calls `guard(module)` at the entry of each domain module it hosts, so the
 * same bug shows up wherever the module happens to live.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { isModuleFaultMessage, type ModuleFaultKind, type ModuleFaultMessage } from '../../boundary/control.js';
import type { ModuleName } from '../../shared-domain/modules.js';
import { InjectedModuleError } from './errors.js';

interface ActiveFault { readonly kind: ModuleFaultKind; readonly delayMs: number }

export class ModuleFaults {
  private readonly active = new Map<ModuleName, ActiveFault>();

  constructor(private readonly hosted: readonly ModuleName[], private readonly logger: Logger) {}

  /** Listens for the lab's fault messages on this process's IPC channel. */
  listen(): this {
    process.on('message', (message: unknown) => {
      if (isModuleFaultMessage(message)) this.apply(message);
    });
    return this;
  }

  apply(message: ModuleFaultMessage): void {
    if (!this.hosted.includes(message.module)) return;
    if (message.action === 'heal') {
      this.active.delete(message.module);
      this.logger.warn({ module: message.module }, 'module fault healed');
      return;
    }
    const fault = { kind: message.kind ?? 'error', delayMs: message.delayMs ?? 500 };
    this.active.set(message.module, fault);
    this.logger.warn({ module: message.module, ...fault }, 'module fault injected');
  }

  /** Call at a module's entry: fails, slows, burns CPU or crashes the process when told to. */
  async guard(module: ModuleName): Promise<void> {
    const fault = this.active.get(module);
    if (!fault) return;
    switch (fault.kind) {
      case 'error':
        throw new InjectedModuleError(module);
      case 'slow':
        await sleep(fault.delayMs);
        return;
      case 'hog': {
        const until = Date.now() + fault.delayMs;
        while (Date.now() < until) { /* burn CPU on the event loop, as a runaway loop in the module would */ }
        return;
      }
      case 'crash':
        // Thrown outside any request's promise chain: an uncaught error that takes the process down.
        setImmediate(() => { throw new InjectedModuleError(module); });
        throw new InjectedModuleError(module);
    }
  }
}
