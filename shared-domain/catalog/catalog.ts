import { fail, ok, type Result } from '../result.js';
import type { CatalogPort, ProductDirectory } from '../ports.js';
import type { Product, ProductId } from '../types.js';

/** The catalog is reference data generated from the seed: read-only, the same in every process. */
export class Catalog implements ProductDirectory {
  private readonly byId: ReadonlyMap<ProductId, Product>;
  private readonly byCategory: ReadonlyMap<string, readonly Product[]>;

  constructor(readonly products: readonly Product[]) {
    this.byId = new Map(products.map((p) => [p.id, p]));
    const groups = new Map<string, Product[]>();
    for (const p of products) groups.set(p.category, [...(groups.get(p.category) ?? []), p]);
    this.byCategory = groups;
  }

  find(id: ProductId): Product | undefined {
    return this.byId.get(id);
  }

  inCategory(category: string): readonly Product[] {
    return this.byCategory.get(category) ?? [];
  }

  /** The catalog seen through the asynchronous port the use cases take. */
  asPort(): CatalogPort {
    return {
      get: async (id) => this.find(id),
      getMany: async (ids) => ids.map((id) => this.byId.get(id)).filter((p): p is Product => p !== undefined),
    };
  }
}

export async function getProduct(catalog: CatalogPort, id: ProductId): Promise<Result<Product>> {
  const product = await catalog.get(id);
  return product ? ok(product) : fail('PRODUCT.NOT_FOUND', `no product ${id}`);
}
