/**
 * module-crash / module-error / module-slow / module-hog: sent over IPC to every process hosting the
 * module (see variants/common/module-faults.ts), so the same bug shows up wherever the module lives.
 * A module bug survives restarts: a process that comes back (after a crash, a kill) gets the fault
 * again until healed (see restart-watch.ts for how, and for the short window after each restart).
 */
import type { ModuleFaultKind, ModuleFaultMessage } from '../../boundary/control.js';
import { UnknownFaultTargetError } from './errors.js';
import { injected, logFault } from './injected-fault.js';
import { onEveryReady } from './restart-watch.js';
import type { FaultContext, FaultSpecOf, InjectedFault } from './types.js';

export type ModuleFaultSpec = FaultSpecOf<'module-crash' | 'module-error' | 'module-slow' | 'module-hog'>;

const APP_KIND: Readonly<Record<ModuleFaultSpec['kind'], ModuleFaultKind>> = {
  'module-crash': 'crash', 'module-error': 'error', 'module-slow': 'slow', 'module-hog': 'hog',
};

export async function inject(spec: ModuleFaultSpec, context: FaultContext): Promise<InjectedFault> {
  const { running } = context;
  const hosts = running.components.filter((c) => c.kind === 'app' && c.modules.includes(spec.target)).map((c) => c.name);
  if (hosts.length === 0) {
    throw new UnknownFaultTargetError(spec.kind, spec.target, `${spec.kind}: no component of ${running.variant} hosts ${spec.target}`);
  }
  const delayMs = spec.params !== undefined && 'delayMs' in spec.params ? spec.params.delayMs : undefined;
  const message = { type: 'module-fault', action: 'inject', module: spec.target, kind: APP_KIND[spec.kind], ...(delayMs && { delayMs }) } satisfies ModuleFaultMessage;
  const watch = onEveryReady(running, hosts, (component, instance) => {
    void running.sendControl(component, instance, message)
      .then((delivered) => delivered > 0 && logFault(context, spec, 'reinjected', `${component}[${instance}] restarted`))
      .catch(() => undefined); // the variant stopped meanwhile
  });
  const delivered = await Promise.all(hosts.map((component) => running.sendControl(component, 'all', message)));
  return injected(spec, context, async () => {
    watch.stop();
    if (running.stopped) return 'variant already stopped';
    const heal = { type: 'module-fault', action: 'heal', module: spec.target } satisfies ModuleFaultMessage;
    const healed = await Promise.all(hosts.map((component) => running.sendControl(component, 'all', heal)));
    return `heal sent to ${sum(healed)} process(es)`;
  }, `sent to ${sum(delivered)} process(es) of ${hosts.join(', ')}`);
}

function sum(counts: readonly number[]): number {
  return counts.reduce((a, b) => a + b, 0);
}
