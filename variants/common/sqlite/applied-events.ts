import type { Db } from './database.js';

/**
 * Runs an event handler at most once per consumer and event id, in the same transaction as the record
 * that says so: an at-least-once transport then applies every event exactly once.
 */
export class AppliedEvents {
  private readonly insert;

  constructor(private readonly db: Db, private readonly consumer: string) {
    this.insert = db.prepare('INSERT OR IGNORE INTO applied_events (consumer, event_id, applied_at) VALUES (?, ?, ?)');
  }

  /** True when the handler ran now; false when the event had been applied before. */
  once(eventId: string, apply: () => void): boolean {
    return this.db.transaction((): boolean => {
      const fresh = this.insert.run(this.consumer, eventId, new Date().toISOString()).changes === 1;
      if (fresh) apply();
      return fresh;
    }).immediate();
  }

  /** Records an event applied by an idempotent handler that ran outside this transaction. */
  mark(eventId: string): void {
    this.insert.run(this.consumer, eventId, new Date().toISOString());
  }
}
