/**
 * Module faults, injected by the lab over the process's IPC channel (nothing outside the lab can
 * reach it). A variant wires each module it hosts through a gate built from the one map of every
 * module's operations (shared-domain/modules.ts):
 *
 *   const cart = faults.gate('cart', { create, get, addItem, removeItem, clear });
 *
 * Every operation of the returned object fails, slows, burns CPU or crashes the process while a fault
 * on its module is active, so the same bug shows up wherever the module happens to live. The gates a
 * process built are what it logs at start (`gated()`); a test holds them against the map and the topology.
 * The first call of each module that a process answers is logged once (FIRST_CALL_ANSWERED_MESSAGE):
 * the moment a new replica took traffic, wherever its traffic comes from (HAProxy, a queue, a registry).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { FIRST_CALL_ANSWERED_MESSAGE } from '../../boundary/app-env.js';
import { isModuleFaultMessage, type ModuleFaultKind, type ModuleFaultMessage } from '../../boundary/control.js';
import { MODULE_OPERATIONS, type ModuleName, type OperationName } from '../../shared-domain/modules.js';
import { InjectedModuleError, ModuleGateError } from './errors.js';

/** An operation of a module, whatever its signature; parameters are declared where it is written. */
type Operation = (...args: never[]) => Promise<unknown>;
/** Every operation the map names for module M. */
export type ModuleOperations<M extends ModuleName> = { readonly [K in OperationName<M>]: Operation };
/** T, with no key the map does not name for M. */
type Only<T, M extends ModuleName> = T & { readonly [K in Exclude<keyof T, OperationName<M>>]: never };

/** Module → the operations this process gated. */
export type GatedOperations = { readonly [M in ModuleName]?: readonly OperationName<M>[] };

interface ActiveFault { readonly kind: ModuleFaultKind; readonly delayMs: number }

export interface ModuleFaultsOptions {
  /** How a `crash` takes the process down: an uncaught error unless told (a unit test records it instead). */
  readonly crash?: (error: InjectedModuleError) => void;
}

export class ModuleFaults {
  readonly #active = new Map<ModuleName, ActiveFault>();
  readonly #gated = new Map<ModuleName, Set<string>>();
  readonly #answered = new Set<ModuleName>();
  readonly #crash: (error: InjectedModuleError) => void;

  constructor(private readonly hosted: readonly ModuleName[], private readonly logger: Logger, options: ModuleFaultsOptions = {}) {
    this.#crash = options.crash ?? crashProcess;
  }

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
      this.#active.delete(message.module);
      this.logger.warn({ module: message.module }, 'module fault healed');
      return;
    }
    const fault = { kind: message.kind ?? 'error', delayMs: message.delayMs ?? 500 };
    this.#active.set(message.module, fault);
    this.logger.warn({ module: message.module, ...fault }, 'module fault injected');
  }

  /** Module M's operations, each guarded. Its type asks for exactly the operations the map names for M. */
  gate<M extends ModuleName, T extends ModuleOperations<M>>(module: M, operations: Only<T, M>): T {
    const missing = MODULE_OPERATIONS[module].filter((name) => !(name in operations));
    if (missing.length > 0) throw new ModuleGateError(module, `no ${missing.join(', ')}`);
    return this.gatePart<M, T>(module, operations);
  }

  /**
   * Some of module M's operations, for a module split over processes (soa's orders: checkout runs in the
   * esb, orders are read in sales-service). What the processes gate must add up to the map; a test checks it.
   */
  gatePart<M extends ModuleName, T extends Partial<ModuleOperations<M>>>(module: M, operations: Only<T, M>): T {
    const names = Object.keys(operations);
    const known: readonly string[] = MODULE_OPERATIONS[module];
    const gated = this.#gated.get(module) ?? new Set<string>();
    if (!this.hosted.includes(module)) throw new ModuleGateError(module, `this process does not host it (hosts: ${this.hosted.join(', ') || 'none'})`);
    if (names.length === 0) throw new ModuleGateError(module, 'no operations');
    const unknown = names.filter((name) => !known.includes(name));
    if (unknown.length > 0) throw new ModuleGateError(module, `${unknown.join(', ')} not in its operations (${known.join(', ')})`);
    const twice = names.filter((name) => gated.has(name));
    if (twice.length > 0) throw new ModuleGateError(module, `${twice.join(', ')} gated twice`);
    for (const name of names) gated.add(name);
    this.#gated.set(module, gated);
    const all = operations as unknown as Readonly<Record<string, Operation>>;
    return Object.fromEntries(names.map((name) => [name, async (...args: never[]) => {
      await this.#guard(module);
      try {
        return await all[name]!(...args);
      } finally {
        if (!this.#answered.has(module)) this.#firstAnswered(module);
      }
    }])) as unknown as T;
  }

  /** What this process gated, in the map's order. */
  gated(): GatedOperations {
    return Object.fromEntries([...this.#gated].map(([module, names]) => [
      module, MODULE_OPERATIONS[module].filter((name) => names.has(name)),
    ]));
  }

  #firstAnswered(module: ModuleName): void {
    this.#answered.add(module);
    this.logger.info({ module }, FIRST_CALL_ANSWERED_MESSAGE);
  }

  async #guard(module: ModuleName): Promise<void> {
    const fault = this.#active.get(module);
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
        this.#crash(new InjectedModuleError(module));
        throw new InjectedModuleError(module);
    }
  }
}

/** Thrown outside any request's promise chain: an uncaught error that takes the process down. */
function crashProcess(error: InjectedModuleError): void {
  setImmediate(() => { throw error; });
}
