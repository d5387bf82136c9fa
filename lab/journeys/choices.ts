/** The seeded choices journeys make: search terms and product ids, like a locustfile's data. */
import { DEFAULT_PRODUCT_COUNT, productId } from '../../shared-domain/index.js';

/** Words that occur in the seeded catalog's names and tags (materials, colours, nouns). */
export const SEARCH_TERMS: readonly string[] = [
  'oak', 'kettle', 'blue', 'tent', 'steel', 'lamp', 'wool', 'red', 'puzzle', 'ceramic', 'backpack', 'vintage',
  'copper', 'chair', 'green', 'blanket', 'keyboard', 'bamboo', 'teapot', 'compact',
];

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `p0001` … `p2000`, uniformly. */
export function randomProductId(random: () => number): string {
  return productId(Math.floor(random() * DEFAULT_PRODUCT_COUNT));
}
