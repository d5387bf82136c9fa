import type { OrderPlaced } from '../../../shared-domain/types.js';
import type { Db } from './database.js';

/** Events saved with their orders and not yet handed to the transport. */
export class SqliteOutbox {
  private readonly selectPending;
  private readonly markPublished;

  constructor(db: Db) {
    this.selectPending = db.prepare<[number], { payload_json: string }>(
      'SELECT payload_json FROM outbox WHERE published_at IS NULL ORDER BY rowid LIMIT ?',
    );
    this.markPublished = db.prepare('UPDATE outbox SET published_at = ? WHERE event_id = ?');
  }

  pending(limit: number): OrderPlaced[] {
    return this.selectPending.all(limit).map((r) => JSON.parse(r.payload_json) as OrderPlaced);
  }

  published(eventId: string): void {
    this.markPublished.run(new Date().toISOString(), eventId);
  }
}
