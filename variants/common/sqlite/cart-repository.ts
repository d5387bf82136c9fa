import { fail, ok, type Result } from '../../../shared-domain/result.js';
import type { CartRepository, CartState } from '../../../shared-domain/ports.js';
import type { CartLine } from '../../../shared-domain/types.js';
import type { Db } from './database.js';

interface LineRow { product_id: string; quantity: number; unit_price_cents: number }

export class SqliteCartRepository implements CartRepository {
  private readonly insertCart;
  private readonly selectCart;
  private readonly selectLines;
  private readonly deleteLines;
  private readonly insertLine;

  constructor(private readonly db: Db) {
    this.insertCart = db.prepare('INSERT INTO carts (id, created_at) VALUES (?, ?)');
    this.selectCart = db.prepare<[string], { id: string }>('SELECT id FROM carts WHERE id = ?');
    this.selectLines = db.prepare<[string], LineRow>('SELECT product_id, quantity, unit_price_cents FROM cart_lines WHERE cart_id = ? ORDER BY position');
    this.deleteLines = db.prepare('DELETE FROM cart_lines WHERE cart_id = ?');
    this.insertLine = db.prepare('INSERT INTO cart_lines (cart_id, product_id, quantity, unit_price_cents, position) VALUES (?, ?, ?, ?, ?)');
  }

  async create(id: string): Promise<void> {
    this.insertCart.run(id, new Date().toISOString());
  }

  async get(id: string): Promise<CartState | undefined> {
    return this.read(id);
  }

  async update(id: string, decide: (cart: CartState) => Result<readonly CartLine[]>): Promise<Result<CartState>> {
    return this.db.transaction((): Result<CartState> => {
      const cart = this.read(id);
      if (!cart) return fail('CART.NOT_FOUND', `no cart ${id}`);
      const next = decide(cart);
      if (!next.ok) return next;
      this.write(id, next.value);
      return ok({ id, lines: next.value });
    }).immediate();
  }

  async clear(id: string): Promise<void> {
    this.deleteLines.run(id);
  }

  private read(id: string): CartState | undefined {
    if (!this.selectCart.get(id)) return undefined;
    const lines = this.selectLines.all(id).map((r) => ({ productId: r.product_id, quantity: r.quantity, unitPriceCents: r.unit_price_cents }));
    return { id, lines };
  }

  private write(id: string, lines: readonly CartLine[]): void {
    this.deleteLines.run(id);
    lines.forEach((l, position) => this.insertLine.run(id, l.productId, l.quantity, l.unitPriceCents, position));
  }
}
