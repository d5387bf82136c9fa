/** The integrity check: after a run quiesces, what the stores hold against what clients were told. */
export { checkIntegrity, integrityReport, type IntegrityReport } from './integrity-report.js';
export { waitForQuiescence, DEFAULT_QUIESCENCE_POLL_MS, type Quiescence, type QuiescenceProgress } from './wait-for-quiescence.js';
export { locateDatabases, CHECKED_MODULES, type CheckedModule, type IntegrityDatabases } from './locate-databases.js';
export { readSnapshot } from './read-snapshot.js';
export { MAX_EXAMPLES, type IntegrityIssue } from './issue.js';
export type { OrderRecord, OutboxRecord, ReservationRecord, StockRecord, StoreSnapshot } from './snapshot.js';
export { DatabaseUnreadableError, IntegrityError, TopologyMismatchError } from './errors.js';
