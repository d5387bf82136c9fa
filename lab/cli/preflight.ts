/**
 * Before any variant starts, check that this machine has what the chosen variants need (as `doctor`
 * does), so a missing broker stops the command at once instead of failing a variant ten minutes in.
 */
import { binaryName, findBrokerBinary, findHaproxyBinary } from '../brokers/binaries.js';
import { brokerKindsOf } from '../topology/registry.js';
import type { BrokerKind, VariantName } from '../../boundary/topology.js';

export class MissingRequirementError extends Error {
  override readonly name = 'MissingRequirementError';
}

export const SETUP_COMMAND = 'npm run setup   (runs bash scripts/install-system-deps.sh, then npm ci)';

/** `balanced`: variants whose edge runs several replicas, behind HAProxy. */
export function checkRequirements(variants: readonly VariantName[], balanced: readonly VariantName[] = []): void {
  const needed = new Map<BrokerKind, VariantName[]>();
  for (const variant of variants) {
    for (const kind of brokerKindsOf(variant)) needed.set(kind, [...(needed.get(kind) ?? []), variant]);
  }
  const missing = [...needed].flatMap(([kind, users]) => {
    const lookup = findBrokerBinary(kind);
    return lookup.found ? [] : [`  ${binaryName(kind)} (needed by ${[...new Set(users)].join(', ')}): ${lookup.installHint}`];
  });
  const haproxy = findHaproxyBinary();
  if (balanced.length > 0 && !haproxy.found) missing.push(`  haproxy (the load balancer in front of a replicated edge in ${balanced.join(', ')}): ${haproxy.installHint}`);
  if (missing.length === 0) return;
  throw new MissingRequirementError(`missing on this machine, nothing was started:\n${missing.join('\n')}\nto install everything: ${SETUP_COMMAND}`);
}
