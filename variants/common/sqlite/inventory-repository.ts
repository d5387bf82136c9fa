import type { InventoryDecision, InventoryRepository, InventoryState } from '../../../shared-domain/ports.js';
import type { Result } from '../../../shared-domain/result.js';
import type { ProductId, Reservation, StockLevel } from '../../../shared-domain/types.js';
import type { Db } from './database.js';

interface StockRow { product_id: string; available: number; reserved: number; sold: number }
interface ReservationRow { order_id: string; lines_json: string; status: Reservation['status'] }

export class SqliteInventoryRepository implements InventoryRepository {
  private readonly selectLevel;
  private readonly updateLevel;
  private readonly selectReservation;
  private readonly upsertReservation;

  constructor(private readonly db: Db) {
    this.selectLevel = db.prepare<[string], StockRow>('SELECT product_id, available, reserved, sold FROM stock WHERE product_id = ?');
    this.updateLevel = db.prepare('UPDATE stock SET available = ?, reserved = ?, sold = ? WHERE product_id = ?');
    this.selectReservation = db.prepare<[string], ReservationRow>('SELECT order_id, lines_json, status FROM reservations WHERE order_id = ?');
    this.upsertReservation = db.prepare(
      'INSERT INTO reservations (order_id, lines_json, status) VALUES (?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET status = excluded.status',
    );
  }

  async atomically<T>(orderId: string, productIds: readonly ProductId[], decide: (state: InventoryState) => InventoryDecision<T>): Promise<Result<T>> {
    return this.db.transaction((): Result<T> => {
      const levels = new Map<ProductId, StockLevel>();
      for (const id of productIds) {
        const level = this.readLevel(id);
        if (level) levels.set(id, level);
      }
      const { result, change } = decide({ levels, reservation: this.readReservation(orderId) });
      if (change) {
        for (const l of change.levels) this.updateLevel.run(l.available, l.reserved, l.sold, l.productId);
        const r = change.reservation;
        this.upsertReservation.run(r.orderId, JSON.stringify(r.lines), r.status);
      }
      return result;
    }).immediate();
  }

  async reservation(orderId: string): Promise<Reservation | undefined> {
    return this.readReservation(orderId);
  }

  async level(productId: ProductId): Promise<StockLevel | undefined> {
    return this.readLevel(productId);
  }

  private readLevel(id: ProductId): StockLevel | undefined {
    const row = this.selectLevel.get(id);
    return row && { productId: row.product_id, available: row.available, reserved: row.reserved, sold: row.sold };
  }

  private readReservation(orderId: string): Reservation | undefined {
    const row = this.selectReservation.get(orderId);
    return row && { orderId: row.order_id, lines: JSON.parse(row.lines_json), status: row.status };
  }
}
