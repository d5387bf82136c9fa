import type { OrderCreation, OrderRepository } from '../../../shared-domain/ports.js';
import type { Order, OrderPlaced } from '../../../shared-domain/types.js';
import type { Db } from './database.js';

interface OrderRow { order_json: string }

/** A claim older than this belongs to an attempt that died; a retry may take the key over. */
export const CLAIM_EXPIRY_MS = 30_000;

/** Orders and their events, written in one transaction: the outbox that no crash can split. */
export class SqliteOrderRepository implements OrderRepository {
  private readonly selectById;
  private readonly selectByKey;
  private readonly insertOrder;
  private readonly insertEvent;
  private readonly selectClaim;
  private readonly upsertClaim;
  private readonly deleteClaim;

  constructor(private readonly db: Db) {
    this.selectById = db.prepare<[string], OrderRow>('SELECT order_json FROM orders WHERE id = ?');
    this.selectByKey = db.prepare<[string], OrderRow>('SELECT order_json FROM orders WHERE idempotency_key = ?');
    this.insertOrder = db.prepare('INSERT INTO orders (id, idempotency_key, order_json, created_at) VALUES (?, ?, ?, ?)');
    this.insertEvent = db.prepare('INSERT INTO outbox (event_id, type, payload_json) VALUES (?, ?, ?)');
    this.selectClaim = db.prepare<[string], { order_id: string; claimed_at: number }>('SELECT order_id, claimed_at FROM idempotency_keys WHERE key = ?');
    this.upsertClaim = db.prepare('INSERT INTO idempotency_keys (key, order_id, claimed_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET order_id = excluded.order_id, claimed_at = excluded.claimed_at');
    this.deleteClaim = db.prepare('DELETE FROM idempotency_keys WHERE key = ? AND order_id = ?');
  }

  async claimKey(key: string, orderId: string): Promise<string> {
    return this.db.transaction((): string => {
      const placed = parse(this.selectByKey.get(key));
      if (placed) return placed.id;
      const claim = this.selectClaim.get(key);
      if (claim && Date.now() - claim.claimed_at < CLAIM_EXPIRY_MS) return claim.order_id;
      this.upsertClaim.run(key, orderId, Date.now());
      return orderId;
    }).immediate();
  }

  async releaseKey(key: string, orderId: string): Promise<void> {
    this.deleteClaim.run(key, orderId);
  }

  async get(id: string): Promise<Order | undefined> {
    return parse(this.selectById.get(id));
  }

  async findByIdempotencyKey(key: string): Promise<Order | undefined> {
    return parse(this.selectByKey.get(key));
  }

  async create(order: Order, idempotencyKey: string | undefined, event: OrderPlaced): Promise<OrderCreation> {
    return this.db.transaction((): OrderCreation => {
      const earlier = idempotencyKey === undefined ? undefined : parse(this.selectByKey.get(idempotencyKey));
      if (earlier) return { created: false, order: earlier };
      this.insertOrder.run(order.id, idempotencyKey ?? null, JSON.stringify(order), order.createdAt);
      this.insertEvent.run(event.id, event.type, JSON.stringify(event));
      return { created: true, order };
    }).immediate();
  }
}

function parse(row: OrderRow | undefined): Order | undefined {
  return row && (JSON.parse(row.order_json) as Order);
}
