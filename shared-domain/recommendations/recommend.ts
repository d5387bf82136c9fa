/**
 * Up to five products for a product: the most co-purchased first, then the same category's most
 * popular. Deterministic for the same order history.
 */
import { fail, ok, type Result } from '../result.js';
import type { ProductDirectory, RecommendationRepository } from '../ports.js';
import { summarize, type OrderPlaced, type Product, type ProductId, type ProductSummary } from '../types.js';

export const RECOMMENDATION_COUNT = 5;

export async function recommend(
  directory: ProductDirectory,
  repository: RecommendationRepository,
  productId: ProductId,
): Promise<Result<ProductSummary[]>> {
  const product = directory.find(productId);
  if (!product) return fail('PRODUCT.NOT_FOUND', `no product ${productId}`);
  const chosen = new Map<ProductId, Product>();
  const coPurchased = [...(await repository.coPurchases(productId))]
    .sort((a, b) => b.count - a.count || a.productId.localeCompare(b.productId));
  for (const { productId: id } of coPurchased) {
    const other = directory.find(id);
    if (other && id !== productId) chosen.set(id, other);
    if (chosen.size === RECOMMENDATION_COUNT) break;
  }
  const popular = [...directory.inCategory(product.category)]
    .sort((a, b) => b.popularity - a.popularity || a.id.localeCompare(b.id));
  for (const other of popular) {
    if (chosen.size === RECOMMENDATION_COUNT) break;
    if (other.id !== productId && !chosen.has(other.id)) chosen.set(other.id, other);
  }
  return ok([...chosen.values()].map(summarize));
}

/** Feeds the co-purchase counts; safe to call again with the same event. */
export async function applyOrderPlaced(repository: RecommendationRepository, event: OrderPlaced): Promise<boolean> {
  return repository.applyOrderPlaced(event);
}

/** Every unordered pair of distinct products in an order, each once. */
export function coPurchasePairs(event: OrderPlaced): Array<[ProductId, ProductId]> {
  const ids = [...new Set(event.lines.map((l) => l.productId))].sort();
  const pairs: Array<[ProductId, ProductId]> = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i] as ProductId, ids[j] as ProductId]);
  }
  return pairs;
}
