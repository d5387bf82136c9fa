import { coPurchasePairs } from '../../../shared-domain/recommendations/recommend.js';
import type { RecommendationRepository } from '../../../shared-domain/ports.js';
import type { OrderPlaced, ProductId } from '../../../shared-domain/types.js';
import { AppliedEvents } from './applied-events.js';
import type { Db } from './database.js';

export class SqliteRecommendationRepository implements RecommendationRepository {
  private readonly applied: AppliedEvents;
  private readonly bump;
  private readonly select;

  constructor(db: Db) {
    this.applied = new AppliedEvents(db, 'recommendations');
    this.bump = db.prepare(
      'INSERT INTO co_purchases (product_id, other_id, count) VALUES (?, ?, 1) ON CONFLICT (product_id, other_id) DO UPDATE SET count = count + 1',
    );
    this.select = db.prepare<[string], { other_id: string; count: number }>(
      'SELECT other_id, count FROM co_purchases WHERE product_id = ? ORDER BY count DESC, other_id LIMIT 50',
    );
  }

  async applyOrderPlaced(event: OrderPlaced): Promise<boolean> {
    return this.applied.once(event.id, () => {
      for (const [a, b] of coPurchasePairs(event)) {
        this.bump.run(a, b);
        this.bump.run(b, a);
      }
    });
  }

  async coPurchases(productId: ProductId): Promise<Array<{ productId: ProductId; count: number }>> {
    return this.select.all(productId).map((r) => ({ productId: r.other_id, count: r.count }));
  }
}
