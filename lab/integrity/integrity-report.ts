/** The integrity report: every check over one snapshot of the stores and the runs that placed orders. */
import type { JourneyRun } from '../journeys/types.js';
import type { Topology } from '../../boundary/topology.js';
import { duplicateOrders } from './duplicate-orders.js';
import type { IntegrityIssue } from './issue.js';
import { locateDatabases, type IntegrityDatabases } from './locate-databases.js';
import { acknowledgedOrderIds, missingOrders } from './missing-orders.js';
import { readSnapshot } from './read-snapshot.js';
import type { StoreSnapshot } from './snapshot.js';
import { stockMismatches } from './stock-balance.js';
import { eventsNotApplied, outboxPending, stuckReservations } from './unfinished-work.js';

export interface IntegrityReport {
  /** Distinct order ids acknowledged to clients by checkout runs. */
  readonly acknowledgedOrders: number;
  readonly storedOrders: number;
  /** Examples: order ids. */
  readonly missingOrders: IntegrityIssue;
  /** Examples: ids of the surplus orders. */
  readonly duplicateOrders: IntegrityIssue;
  /** Examples: product ids. */
  readonly stockMismatches: IntegrityIssue;
  /** Examples: order ids. */
  readonly stuckReservations: IntegrityIssue;
  /** Examples: order ids, per consumer. */
  readonly eventsNotApplied: { readonly inventory: IntegrityIssue; readonly recommendations: IntegrityIssue };
  /** Examples: event ids. */
  readonly outboxPending: IntegrityIssue;
  /** True when every count is zero: the target in every variant. */
  readonly clean: boolean;
}

export function integrityReport(snapshot: StoreSnapshot, runs: readonly JourneyRun[]): IntegrityReport {
  const acknowledged = acknowledgedOrderIds(runs);
  const issues = {
    missingOrders: missingOrders(acknowledged, snapshot.orders),
    duplicateOrders: duplicateOrders(snapshot.orders),
    stockMismatches: stockMismatches(snapshot.stock, snapshot.orders, snapshot.reservations),
    stuckReservations: stuckReservations(snapshot.reservations),
    eventsNotApplied: {
      inventory: eventsNotApplied(snapshot.orders, snapshot.applied.inventory),
      recommendations: eventsNotApplied(snapshot.orders, snapshot.applied.recommendations),
    },
    outboxPending: outboxPending(snapshot.outbox),
  };
  const counts = [
    issues.missingOrders, issues.duplicateOrders, issues.stockMismatches, issues.stuckReservations,
    issues.eventsNotApplied.inventory, issues.eventsNotApplied.recommendations, issues.outboxPending,
  ].map((i) => i.count);
  return { acknowledgedOrders: acknowledged.size, storedOrders: snapshot.orders.length, ...issues, clean: counts.every((n) => n === 0) };
}

/** Locates the variant's databases from its topology, reads them read-only, and checks them. */
export function checkIntegrity(options: { topology: Topology; dataDir: string; runs: readonly JourneyRun[] }): IntegrityReport & { databases: IntegrityDatabases } {
  const databases = locateDatabases(options.topology, options.dataDir);
  return { ...integrityReport(readSnapshot(databases), options.runs), databases };
}
