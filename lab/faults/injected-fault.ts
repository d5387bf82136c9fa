/** The shape every fault kind returns: logged when injected, healed at most once, the heal logged too. */
import type { FaultContext, FaultEvent, FaultSpec, InjectedFault } from './types.js';

/** `heal` undoes the fault and may say how it went; it runs once however often `heal()` is called. */
export function injected(spec: FaultSpec, context: FaultContext, heal: () => Promise<string | void>, detail?: string): InjectedFault {
  const injectedAtMs = Date.now();
  logFault(context, spec, 'injected', detail);
  let healing: Promise<void> | undefined;
  return {
    spec,
    injectedAtMs,
    heal: () => (healing ??= heal().then((how) => logFault(context, spec, 'healed', how ?? undefined))),
  };
}

export function logFault(context: FaultContext, spec: FaultSpec, action: FaultEvent['action'], detail?: string): void {
  context.log({ tMs: Date.now(), kind: spec.kind, target: spec.target, action, ...(detail === undefined ? {} : { detail }) });
}

/** Heals every fault, even when some heals fail; rethrows the first failure after all were tried. */
export async function healAll(faults: readonly InjectedFault[]): Promise<void> {
  const results = await Promise.allSettled(faults.map((f) => f.heal()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
