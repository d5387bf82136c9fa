/**
 * An inverted index built at start-up. A product's score is the number of query terms it matches
 * (name matches count double); ties go to the more popular product, then the lower id.
 */
import { LIMITS } from '../limits.js';
import { fail, ok, type Result } from '../result.js';
import { summarize, type Product, type SearchPage, type SearchQuery } from '../types.js';

export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

export class SearchIndex {
  private readonly postings = new Map<string, Map<number, number>>();

  constructor(private readonly products: readonly Product[]) {
    products.forEach((product, position) => {
      const weights = new Map<string, number>();
      for (const t of tokenize(product.name)) weights.set(t, 2);
      for (const t of tokenize([product.description, product.category, ...product.tags].join(' '))) {
        if (!weights.has(t)) weights.set(t, 1);
      }
      for (const [term, weight] of weights) {
        let posting = this.postings.get(term);
        if (!posting) this.postings.set(term, (posting = new Map()));
        posting.set(position, weight);
      }
    });
  }

  search(query: SearchQuery): Result<SearchPage> {
    const invalid = validate(query);
    if (invalid) return fail('REQUEST.INVALID', invalid);
    const terms = [...new Set(tokenize(query.q))];
    const scores = new Map<number, number>();
    if (terms.length === 0) {
      this.products.forEach((_, position) => scores.set(position, 0));
    } else {
      for (const term of terms) {
        for (const [position, weight] of this.postings.get(term) ?? []) {
          scores.set(position, (scores.get(position) ?? 0) + weight);
        }
      }
    }
    const ranked = [...scores]
      .map(([position, score]) => ({ product: this.products[position] as Product, score }))
      .filter(({ product }) => query.category === undefined || product.category === query.category)
      .sort((a, b) => b.score - a.score || b.product.popularity - a.product.popularity || a.product.id.localeCompare(b.product.id));
    const start = (query.page - 1) * query.pageSize;
    return ok({ total: ranked.length, items: ranked.slice(start, start + query.pageSize).map(({ product }) => summarize(product)) });
  }
}

function validate(query: SearchQuery): string | undefined {
  if (query.q.length > LIMITS.queryMaxChars) return `q is longer than ${LIMITS.queryMaxChars} characters`;
  if (!Number.isInteger(query.page) || query.page < 1) return 'page must be an integer ≥ 1';
  if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > LIMITS.pageSizeMax) {
    return `pageSize must be an integer from 1 to ${LIMITS.pageSizeMax}`;
  }
  return undefined;
}
