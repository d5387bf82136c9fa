/**
 * An inverted index built at start-up. A product's score is the number of query terms it matches
 * (name matches count double); ties go to the more popular product, then the lower id.
 *
 * With `fullTextRounds` > 0 the search also scores each matching product by a full-text pass: every
 * occurrence of every query term anywhere in its name, description, category and tags. That score
 * breaks ties between equal index scores (before popularity). The pass runs `fullTextRounds` times
 * per search, each over every candidate: the knob for how much CPU a search costs (a heavier relevance
 * model), without changing the answer once it is on. Off (0) by default.
 */
import { LIMITS } from '../limits.js';
import { fail, ok, type Result } from '../result.js';
import { summarize, type Product, type SearchPage, type SearchQuery } from '../types.js';

export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

export interface SearchIndexOptions {
  /** Full-text passes per search, each over every candidate product; 0: none. */
  readonly fullTextRounds?: number;
}

export class SearchIndex {
  private readonly postings = new Map<string, Map<number, number>>();
  /** Lower-cased full text per product position, for the full-text pass. */
  private readonly texts: readonly string[];
  private readonly fullTextRounds: number;

  constructor(private readonly products: readonly Product[], options: SearchIndexOptions = {}) {
    this.fullTextRounds = options.fullTextRounds ?? 0;
    this.texts = this.fullTextRounds > 0 ? products.map((p) => [p.name, p.description, p.category, ...p.tags].join(' ').toLowerCase()) : [];
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
    const candidates = [...scores]
      .map(([position, score]) => ({ position, product: this.products[position] as Product, score }))
      .filter(({ product }) => query.category === undefined || product.category === query.category);
    const fullText = this.fullTextScores(candidates.map((c) => c.position), terms);
    const ranked = candidates.sort((a, b) => b.score - a.score || (fullText.get(b.position) ?? 0) - (fullText.get(a.position) ?? 0)
      || b.product.popularity - a.product.popularity || a.product.id.localeCompare(b.product.id));
    const start = (query.page - 1) * query.pageSize;
    return ok({ total: ranked.length, items: ranked.slice(start, start + query.pageSize).map(({ product }) => summarize(product)) });
  }

  /** Occurrences of the terms in each candidate's full text, counted in each of `fullTextRounds` passes; empty when off. */
  private fullTextScores(positions: readonly number[], terms: readonly string[]): Map<number, number> {
    const scores = new Map<number, number>();
    if (this.fullTextRounds === 0 || terms.length === 0) return scores;
    for (let round = 0; round < this.fullTextRounds; round++) {
      for (const position of positions) {
        const text = this.texts[position] as string;
        let count = 0;
        for (const term of terms) {
          for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) count += 1;
        }
        // Every round finds the same count: the count is the score, the rounds are the cost.
        scores.set(position, count);
      }
    }
    return scores;
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
