/**
 * The fault console's language, for a class without a browser: one line, one command. Each command
 * becomes a fault spec of the lab's own kinds (lab/faults/registry.ts), checked against the running
 * variant's topology, so a mistake names what would have been valid.
 *
 *   crash <module>            module-crash          pause <component>    SIGSTOP until healed
 *   error <module>            module-error          kill <component>     SIGKILL (the supervisor restarts it)
 *   slow <module> [ms]        module-slow           kill broker          the variant's broker, until healed
 *   hog <module> [ms]         module-hog            partition <a->b>     the edge refuses connections
 *   latency <a->b> <ms>       added latency         heal | heal all | status | help
 */
import { MODULE_NAMES } from '../../shared-domain/modules.js';
import type { Topology } from '../../boundary/topology.js';
import { topologyEdges } from '../faults/edges.js';
import { parseFaultSpec, validateFaultAgainstTopology, type FaultSpec } from '../faults/registry.js';

/** A console fault lasts until healed: its window is the longest a spec may have. */
const UNTIL_HEALED_MS = 3_600_000;

export type ConsoleCommand =
  | { readonly type: 'inject'; readonly spec: FaultSpec }
  | { readonly type: 'heal'; readonly all: boolean }
  | { readonly type: 'status' }
  | { readonly type: 'help' };

export class ConsoleCommandError extends Error {
  override readonly name = 'ConsoleCommandError';
}

export const CONSOLE_HELP = [
  'crash <module>          the module throws on every call, in whatever process hosts it',
  'error <module>          the module answers every call with an error',
  'slow <module> [ms]      every call of the module takes that much longer (500 ms unless told)',
  'hog <module> [ms]       every call burns that much CPU on its process\'s event loop (500 ms unless told)',
  'pause <component>       freeze a process (SIGSTOP) until healed',
  'kill <component>        SIGKILL a process; the supervisor restarts it',
  'kill broker             stop the variant\'s broker until healed',
  'partition <from->to>    the edge refuses every connection',
  'latency <from->to> <ms> every connection on the edge waits that long',
  'heal                    undo the last fault still in effect',
  'heal all                undo every fault',
  'status                  the processes and the faults in effect',
  'help                    this list',
].join('\n');

const VERBS = ['crash', 'error', 'slow', 'hog', 'pause', 'kill', 'partition', 'latency', 'heal', 'status', 'help'] as const;

export function parseConsoleCommand(line: string, topology: Topology): ConsoleCommand | undefined {
  const words = line.trim().split(/\s+/).filter((w) => w.length > 0);
  const [verb, target, amount, ...rest] = words;
  if (verb === undefined) return undefined;
  const verbs = VERBS.join(', ');
  if (!(VERBS as readonly string[]).includes(verb)) throw new ConsoleCommandError(`unknown command "${verb}"; valid: ${verbs} (help lists them)`);
  if (rest.length > 0) throw new ConsoleCommandError(`too many words after "${verb}": ${rest.join(' ')}`);
  switch (verb) {
    case 'help': return { type: 'help' };
    case 'status': return { type: 'status' };
    case 'heal':
      if (target === undefined) return { type: 'heal', all: false };
      if (target === 'all' && amount === undefined) return { type: 'heal', all: true };
      throw new ConsoleCommandError('heal takes nothing or "all"');
    default: break;
  }
  if (target === undefined) throw new ConsoleCommandError(`${verb} needs a target: ${targetsOf(verb, topology)}`);
  return { type: 'inject', spec: specOf(verb, target, amount, topology) };
}

function specOf(verb: string, target: string, amount: string | undefined, topology: Topology): FaultSpec {
  const ms = amount === undefined ? undefined : Number(amount);
  if (amount !== undefined && (!Number.isInteger(ms) || (ms as number) < 1 || (ms as number) > 60_000)) {
    throw new ConsoleCommandError(`"${amount}" is not a duration: a whole number of milliseconds from 1 to 60000`);
  }
  const noAmount = () => {
    if (amount !== undefined) throw new ConsoleCommandError(`${verb} takes no amount (got "${amount}")`);
  };
  let raw: Record<string, unknown>;
  switch (verb) {
    case 'crash': case 'error': noAmount(); raw = { kind: `module-${verb}`, target }; break;
    case 'slow': case 'hog': raw = { kind: `module-${verb}`, target, params: { delayMs: ms ?? 500 } }; break;
    case 'pause': noAmount(); raw = { kind: 'pause', target }; break;
    case 'kill': {
      noAmount();
      const broker = target === 'broker' ? brokerOf(topology) : topology.components.find((c) => c.name === target && c.kind === 'broker')?.name;
      raw = broker ? { kind: 'broker-outage', target: broker } : { kind: 'kill', target };
      break;
    }
    case 'partition': noAmount(); raw = { kind: 'partition', target }; break;
    case 'latency':
      if (ms === undefined) throw new ConsoleCommandError('latency needs milliseconds: latency <from->to> <ms>');
      raw = { kind: 'latency', target, params: { latencyMs: ms } };
      break;
    default: throw new ConsoleCommandError(`unknown command "${verb}"`);
  }
  let spec: FaultSpec;
  try {
    spec = parseFaultSpec({ ...raw, atMs: 0, durationMs: UNTIL_HEALED_MS });
  } catch {
    throw new ConsoleCommandError(`${verb} ${target}: not a valid target; valid: ${targetsOf(verb, topology)}`);
  }
  const invalid = validateFaultAgainstTopology(spec, topology);
  if (invalid !== undefined) throw new ConsoleCommandError(`${verb} ${target}: ${invalid}`);
  return spec;
}

function brokerOf(topology: Topology): string {
  const broker = topology.components.find((c) => c.kind === 'broker');
  if (!broker) throw new ConsoleCommandError(`the ${topology.variant} has no broker to kill`);
  return broker.name;
}

function targetsOf(verb: string, topology: Topology): string {
  const apps = topology.components.filter((c) => c.kind === 'app').map((c) => c.name);
  const brokers = topology.components.filter((c) => c.kind === 'broker').map((c) => c.name);
  switch (verb) {
    case 'crash': case 'error': case 'slow': case 'hog': return MODULE_NAMES.join(', ');
    case 'pause': return [...apps, ...brokers].join(', ');
    case 'kill': return [...apps, ...(brokers.length > 0 ? ['broker'] : [])].join(', ');
    default: return topologyEdges(topology).join(', ') || 'none: this variant has no network edge between apps';
  }
}
