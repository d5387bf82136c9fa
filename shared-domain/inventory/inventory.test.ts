import { describe, expect, it } from 'vitest';
import type { InventoryDecision, InventoryRepository, InventoryState } from '../ports.js';
import type { Result } from '../result.js';
import type { Reservation, StockLevel } from '../types.js';
import { commitStock, decideReserve, releaseStock, reserveStock } from './inventory.js';

const level = (productId: string, available: number, reserved = 0, sold = 0): StockLevel => ({ productId, available, reserved, sold });
const state = (levels: StockLevel[], reservation?: Reservation): InventoryState => ({
  levels: new Map(levels.map((l) => [l.productId, l])),
  reservation,
});

describe('decideReserve', () => {
  it('moves the wanted quantities from available to reserved', () => {
    const decision = decideReserve(state([level('p1', 10), level('p2', 3, 1, 2)]), 'o1', [
      { productId: 'p1', quantity: 4 },
      { productId: 'p2', quantity: 3 },
    ]);
    const reservation = { orderId: 'o1', lines: [{ productId: 'p1', quantity: 4 }, { productId: 'p2', quantity: 3 }], status: 'reserved' };
    expect(decision.result).toEqual({ ok: true, value: reservation });
    expect(decision.change).toEqual({ levels: [level('p1', 6, 4), level('p2', 0, 4, 2)], reservation });
  });

  it('refuses more than is available and changes nothing', () => {
    const decision = decideReserve(state([level('p1', 10), level('p2', 2)]), 'o1', [
      { productId: 'p1', quantity: 5 },
      { productId: 'p2', quantity: 3 },
    ]);
    expect(decision.result).toMatchObject({ ok: false, error: { code: 'ORDER.OUT_OF_STOCK' } });
    expect(decision.result.ok || decision.result.error.message).toBe('only 2 of p2 left, 3 wanted');
    expect(decision.change).toBeUndefined();
  });

  it('refuses a product without a stock record and changes nothing', () => {
    const decision = decideReserve(state([level('p1', 10)]), 'o1', [
      { productId: 'p1', quantity: 1 },
      { productId: 'ghost', quantity: 1 },
    ]);
    expect(decision.result).toMatchObject({ ok: false, error: { code: 'PRODUCT.NOT_FOUND' } });
    expect(decision.change).toBeUndefined();
  });

  it('returns the first reservation when the order already has one, whatever is asked now', () => {
    const first: Reservation = { orderId: 'o1', lines: [{ productId: 'p1', quantity: 2 }], status: 'reserved' };
    const decision = decideReserve(state([level('p1', 0, 2)], first), 'o1', [{ productId: 'p1', quantity: 50 }]);
    expect(decision).toEqual({ result: { ok: true, value: first } });
    const released: Reservation = { ...first, status: 'released' };
    expect(decideReserve(state([level('p1', 5)], released), 'o1', [{ productId: 'p1', quantity: 1 }])).toEqual({ result: { ok: true, value: released } });
  });

  it('may take the last item', () => {
    const decision = decideReserve(state([level('p1', 3)]), 'o1', [{ productId: 'p1', quantity: 3 }]);
    expect(decision.change?.levels).toEqual([level('p1', 0, 3)]);
  });
});

/** An in-memory repository with the port's contract: each decision applied as one step. */
class MemoryInventory implements InventoryRepository {
  readonly levels = new Map<string, StockLevel>();
  readonly reservations = new Map<string, Reservation>();

  constructor(stock: Record<string, number>) {
    for (const [id, available] of Object.entries(stock)) this.levels.set(id, level(id, available));
  }

  async atomically<T>(orderId: string, productIds: readonly string[], decide: (s: InventoryState) => InventoryDecision<T>): Promise<Result<T>> {
    const levels = new Map(productIds.flatMap((id) => (this.levels.has(id) ? [[id, this.levels.get(id) as StockLevel] as const] : [])));
    const { result, change } = decide({ levels, reservation: this.reservations.get(orderId) });
    if (change) {
      for (const l of change.levels) this.levels.set(l.productId, l);
      this.reservations.set(change.reservation.orderId, change.reservation);
    }
    return result;
  }

  async reservation(orderId: string) {
    return this.reservations.get(orderId);
  }

  async level(productId: string) {
    return this.levels.get(productId);
  }
}

describe('reserveStock, releaseStock, commitStock', () => {
  it('merges repeated lines of one product into one', async () => {
    const repo = new MemoryInventory({ p1: 10 });
    const reserved = await reserveStock(repo, 'o1', [{ productId: 'p1', quantity: 2 }, { productId: 'p1', quantity: 3 }]);
    expect(reserved).toEqual({ ok: true, value: { orderId: 'o1', lines: [{ productId: 'p1', quantity: 5 }], status: 'reserved' } });
    expect(await repo.level('p1')).toEqual(level('p1', 5, 5));
  });

  it('refuses merged lines that together exceed the stock', async () => {
    const repo = new MemoryInventory({ p1: 4 });
    const reserved = await reserveStock(repo, 'o1', [{ productId: 'p1', quantity: 2 }, { productId: 'p1', quantity: 3 }]);
    expect(reserved).toMatchObject({ ok: false, error: { code: 'ORDER.OUT_OF_STOCK' } });
    expect(await repo.level('p1')).toEqual(level('p1', 4));
  });

  it('refuses an empty reservation', async () => {
    expect(await reserveStock(new MemoryInventory({}), 'o1', [])).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } });
  });

  it('reserves once per order, however often it is asked', async () => {
    const repo = new MemoryInventory({ p1: 10 });
    await reserveStock(repo, 'o1', [{ productId: 'p1', quantity: 4 }]);
    await reserveStock(repo, 'o1', [{ productId: 'p1', quantity: 4 }]);
    expect(await repo.level('p1')).toEqual(level('p1', 6, 4));
  });

  it('releases back to available, once', async () => {
    const repo = new MemoryInventory({ p1: 10 });
    await reserveStock(repo, 'o1', [{ productId: 'p1', quantity: 4 }]);
    expect(await releaseStock(repo, 'o1')).toMatchObject({ ok: true, value: { status: 'released' } });
    expect(await releaseStock(repo, 'o1')).toMatchObject({ ok: true, value: { status: 'released' } });
    expect(await repo.level('p1')).toEqual(level('p1', 10));
    expect(await commitStock(repo, 'o1')).toMatchObject({ ok: true, value: { status: 'released' } });
    expect(await repo.level('p1')).toEqual(level('p1', 10));
  });

  it('commits reserved to sold, once', async () => {
    const repo = new MemoryInventory({ p1: 10 });
    await reserveStock(repo, 'o1', [{ productId: 'p1', quantity: 4 }]);
    expect(await commitStock(repo, 'o1')).toMatchObject({ ok: true, value: { status: 'committed' } });
    await commitStock(repo, 'o1');
    await releaseStock(repo, 'o1');
    expect(await repo.level('p1')).toEqual(level('p1', 6, 0, 4));
  });

  it('answers an unknown order with nothing to settle', async () => {
    const repo = new MemoryInventory({ p1: 10 });
    expect(await releaseStock(repo, 'nope')).toEqual({ ok: true, value: undefined });
    expect(await commitStock(repo, 'nope')).toEqual({ ok: true, value: undefined });
    expect(await repo.level('p1')).toEqual(level('p1', 10));
  });
});
