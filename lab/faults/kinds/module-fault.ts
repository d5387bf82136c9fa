/**
 * module-crash / module-error / module-slow / module-hog: sent over IPC to every process hosting the
 * module (see variants/common/module-faults.ts), so the same bug shows up wherever the module lives.
 * A module bug survives restarts: a process that comes back (after a crash, a kill) gets the fault
 * again until healed (see restart-watch.ts for how, and for the short window after each restart).
 * The four kinds differ only in what the app does (`ModuleFaultKind`), their params and their prediction.
 */
import { z } from 'zod';
import type { ModuleFaultKind, ModuleFaultMessage } from '../../../boundary/control.js';
import type { Topology } from '../../../boundary/topology.js';
import { hostsOf, predictBlastRadius, predictModuleError } from '../../topology/predict.js';
import { UnknownFaultTargetError } from '../errors.js';
import { injected, logFault } from '../injected-fault.js';
import type { FaultKind } from '../kind.js';
import { noParams, positiveMs } from '../params.js';
import { slowed } from '../predict-slow.js';
import { onEveryReady } from '../restart-watch.js';
import { checkTarget } from '../targets.js';
import type { FaultContext, FaultSpecOf, InjectedFault } from '../types.js';

export type ModuleFaultSpec = FaultSpecOf<'module-crash' | 'module-error' | 'module-slow' | 'module-hog'>;

/** CPU burnt (hog) or latency added (slow) per call of the module. */
const moduleDelay = z.strictObject({ delayMs: positiveMs }).default({ delayMs: 500 });

const check = (step: { kind: string; target: string }, topology: Topology) => checkTarget('module', step, topology);

export const moduleCrash: FaultKind<'module-crash', 'module', typeof noParams> = {
  name: 'module-crash', target: 'module', params: noParams, check, inject: (spec, context) => inject(spec, 'crash', context),
  /** Its hosts go down, with whatever else they serve. */
  predict: (step, topology) => predictBlastRadius(topology, hostsOf(topology, step.target)),
};

export const moduleError: FaultKind<'module-error', 'module', typeof noParams> = {
  name: 'module-error', target: 'module', params: noParams, check, inject: (spec, context) => inject(spec, 'error', context),
  predict: (step) => predictModuleError(step.target),
};

export const moduleSlow: FaultKind<'module-slow', 'module', typeof moduleDelay> = {
  name: 'module-slow', target: 'module', params: moduleDelay, check, inject: (spec, context) => inject(spec, 'slow', context),
  predict: (step, topology) => slowed(topology, [], step.target),
};

export const moduleHog: FaultKind<'module-hog', 'module', typeof moduleDelay> = {
  name: 'module-hog', target: 'module', params: moduleDelay, check, inject: (spec, context) => inject(spec, 'hog', context),
  predict: (step, topology) => slowed(topology, hostsOf(topology, step.target), step.target),
};

async function inject(spec: ModuleFaultSpec, kind: ModuleFaultKind, context: FaultContext): Promise<InjectedFault> {
  const { running } = context;
  const hosts = running.components.filter((c) => c.kind === 'app' && c.modules.includes(spec.target)).map((c) => c.name);
  if (hosts.length === 0) {
    throw new UnknownFaultTargetError(spec.kind, spec.target, `${spec.kind}: no component of ${running.variant} hosts ${spec.target}`);
  }
  const delayMs = spec.params !== undefined && 'delayMs' in spec.params ? spec.params.delayMs : undefined;
  const message = { type: 'module-fault', action: 'inject', module: spec.target, kind, ...(delayMs && { delayMs }) } satisfies ModuleFaultMessage;
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
