/**
 * The fault console of a running variant: commands in (commands.ts), faults injected and healed through
 * the lab's own kinds, one line of answer out. Faults stay in effect until healed; `heal` undoes the
 * newest, `heal all` every one, and stopping the console heals what is left.
 */
import type { Topology } from '../../boundary/topology.js';
import type { EdgeProxies } from '../faults/edge-proxies.js';
import { injectFault, type FaultSpec } from '../faults/registry.js';
import type { InjectedFault } from '../faults/types.js';
import type { RunningVariant } from '../runner/index.js';
import { CONSOLE_HELP, ConsoleCommandError, parseConsoleCommand } from './commands.js';

export interface ConsoleAnswer {
  readonly ok: boolean;
  readonly message: string;
}

export class FaultConsole {
  readonly #active: InjectedFault[] = [];

  constructor(private readonly running: RunningVariant, private readonly topology: Topology, private readonly proxies: EdgeProxies) {}

  /** Runs one line; answers what to print. Never throws for a bad command: the answer says what is valid. */
  async execute(line: string): Promise<string | undefined> {
    const answer = await this.run(line);
    return answer && (answer.ok ? answer.message : `error: ${answer.message}`);
  }

  /** Runs one line: `ok` false for a bad command or a fault that could not go in, with why; undefined for a blank line. */
  async run(line: string): Promise<ConsoleAnswer | undefined> {
    let command;
    try {
      command = parseConsoleCommand(line, this.topology);
    } catch (error) {
      if (error instanceof ConsoleCommandError) return { ok: false, message: error.message };
      throw error;
    }
    if (!command) return undefined;
    switch (command.type) {
      case 'help': return { ok: true, message: CONSOLE_HELP };
      case 'status': return { ok: true, message: this.status() };
      case 'heal': return this.heal(command.all);
      case 'inject': return this.inject(command.spec);
    }
  }

  /** The faults in effect, oldest first. */
  get active(): ReadonlyArray<{ readonly kind: string; readonly target: string; readonly sinceMs: number }> {
    return this.#active.map((f) => ({ kind: f.spec.kind, target: f.spec.target, sinceMs: f.injectedAtMs }));
  }

  /** Heals every fault in effect (on stop). */
  async healAll(): Promise<void> {
    await this.heal(true);
  }

  private async inject(spec: FaultSpec): Promise<ConsoleAnswer> {
    if (this.#active.some((f) => f.spec.kind === spec.kind && f.spec.target === spec.target)) {
      return { ok: false, message: `${describe(spec)} is already in effect (heal it first)` };
    }
    try {
      const fault = await injectFault(spec, { running: this.running, topology: this.topology, proxies: this.proxies, log: () => undefined });
      this.#active.push(fault);
      return { ok: true, message: `${describe(spec)}: in effect (heal to undo)` };
    } catch (error) {
      return { ok: false, message: `${describe(spec)} could not be injected: ${(error as Error).message}` };
    }
  }

  private async heal(all: boolean): Promise<ConsoleAnswer> {
    if (this.#active.length === 0) return { ok: true, message: 'nothing to heal' };
    const healing = all ? this.#active.splice(0) : this.#active.splice(-1);
    const results = await Promise.allSettled(healing.map((f) => f.heal()));
    const failed = results.some((r) => r.status === 'rejected');
    return {
      ok: !failed,
      message: healing.map((f, i) => {
        const result = results[i];
        return result?.status === 'rejected' ? `healing ${describe(f.spec)} failed: ${(result.reason as Error).message}` : `${describe(f.spec)}: healed`;
      }).join('\n'),
    };
  }

  private status(): string {
    const processes = this.running.components.map((c) => `${c.name}${c.pids.length > 1 ? ` ×${c.pids.length}` : ''}`).join(', ');
    const faults = this.#active.length === 0 ? 'none' : this.#active.map((f) => `${describe(f.spec)} (for ${Math.round((Date.now() - f.injectedAtMs) / 1000)} s)`).join('; ');
    return `processes: ${processes}\nfaults in effect: ${faults}`;
  }
}

function describe(spec: FaultSpec): string {
  const params = spec.params && Object.keys(spec.params).length > 0 ? ` ${JSON.stringify(spec.params)}` : '';
  return `${spec.kind} ${spec.target}${params}`;
}
