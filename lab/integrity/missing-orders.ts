/** Orders acknowledged to a client (checkout answered 201 with an id) that the order store does not hold. */
import type { JourneyRun } from '../journeys/types.js';
import { issueOf, type IntegrityIssue } from './issue.js';
import type { OrderRecord } from './snapshot.js';

/** Every order id a checkout run recorded, whatever the run's later steps did. */
export function acknowledgedOrderIds(runs: readonly JourneyRun[]): Set<string> {
  const ids = new Set<string>();
  for (const r of runs) if (r.journey === 'checkout' && r.orderId !== undefined) ids.add(r.orderId);
  return ids;
}

export function missingOrders(acknowledged: ReadonlySet<string>, orders: readonly OrderRecord[]): IntegrityIssue {
  const stored = new Set(orders.map((o) => o.id));
  return issueOf([...acknowledged].filter((id) => !stored.has(id)));
}
