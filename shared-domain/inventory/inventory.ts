/**
 * Stock per product moves between three buckets: available → reserved (checkout) → sold (OrderPlaced),
 * or back to available (a decline or a failed checkout). Each move is decided here and applied
 * atomically by the repository, so concurrent checkouts can never take stock below zero.
 * Every move is idempotent per order: a retried reserve, release or commit changes nothing twice.
 */
import { fail, ok, type Result } from '../result.js';
import type { InventoryDecision, InventoryRepository, InventoryState } from '../ports.js';
import type { OrderLine, Reservation, StockLevel } from '../types.js';

export async function reserveStock(repo: InventoryRepository, orderId: string, lines: readonly OrderLine[]): Promise<Result<Reservation>> {
  if (lines.length === 0) return fail('REQUEST.INVALID', 'a reservation needs at least one line');
  const merged = mergeLines(lines);
  return repo.atomically(orderId, merged.map((l) => l.productId), (state) => decideReserve(state, orderId, merged));
}

export async function releaseStock(repo: InventoryRepository, orderId: string): Promise<Result<Reservation | undefined>> {
  const reservation = await repo.reservation(orderId);
  if (!reservation) return ok(undefined);
  return repo.atomically(orderId, reservation.lines.map((l) => l.productId), (state) => settle(state, 'released'));
}

export async function commitStock(repo: InventoryRepository, orderId: string): Promise<Result<Reservation | undefined>> {
  const reservation = await repo.reservation(orderId);
  if (!reservation) return ok(undefined);
  return repo.atomically(orderId, reservation.lines.map((l) => l.productId), (state) => settle(state, 'committed'));
}

export function decideReserve(state: InventoryState, orderId: string, lines: readonly OrderLine[]): InventoryDecision<Reservation> {
  if (state.reservation) return { result: ok(state.reservation) };
  const levels: StockLevel[] = [];
  for (const line of lines) {
    const level = state.levels.get(line.productId);
    if (!level) return { result: fail('PRODUCT.NOT_FOUND', `no stock record for ${line.productId}`) };
    if (level.available < line.quantity) {
      return { result: fail('ORDER.OUT_OF_STOCK', `only ${level.available} of ${line.productId} left, ${line.quantity} wanted`) };
    }
    levels.push({ ...level, available: level.available - line.quantity, reserved: level.reserved + line.quantity });
  }
  const reservation: Reservation = { orderId, lines, status: 'reserved' };
  return { result: ok(reservation), change: { levels, reservation } };
}

function settle(state: InventoryState, to: 'released' | 'committed'): InventoryDecision<Reservation | undefined> {
  const reservation = state.reservation;
  if (!reservation || reservation.status !== 'reserved') return { result: ok(reservation) };
  const levels = reservation.lines.map((line) => {
    const level = state.levels.get(line.productId) as StockLevel;
    return to === 'released'
      ? { ...level, available: level.available + line.quantity, reserved: level.reserved - line.quantity }
      : { ...level, reserved: level.reserved - line.quantity, sold: level.sold + line.quantity };
  });
  const settled: Reservation = { ...reservation, status: to };
  return { result: ok(settled), change: { levels, reservation: settled } };
}

function mergeLines(lines: readonly OrderLine[]): OrderLine[] {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(l.productId, (totals.get(l.productId) ?? 0) + l.quantity);
  return [...totals].map(([productId, quantity]) => ({ productId, quantity }));
}
