/**
 * product-service: catalog, search and recommendations behind one queue, co-purchase counts fed by
 * OrderPlaced. The catalog and its search index are reference data built from the seed at start-up.
 */
import { Catalog, SearchIndex, generateCatalog, ok, type Recommendations, type Result } from '../../../../shared-domain/index.js';
import { catalogOperations, recommendationsOperations, searchOperations } from '../../../common/module-operations.js';
import { recommendationsOnOrderPlaced } from '../../../common/order-placed-handlers.js';
import { SqliteRecommendationRepository } from '../../../common/sqlite/recommendation-repository.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { startBusComponent } from '../../bus-component.js';
import { openEnterpriseDatabase } from '../../enterprise-database.js';
import { orderPlacedConsumer, requestConsumer } from '../service-consumers.js';

export async function startProductService({ config, faults, logger }: ComponentContext): Promise<StartedComponent> {
  const catalog = new Catalog(generateCatalog(config.seed));
  const db = openEnterpriseDatabase(config.dataDir);
  const coPurchases = new SqliteRecommendationRepository(db);

  const catalogModule = faults.gate('catalog', catalogOperations(catalog.asPort()));
  const searchModule = faults.gate('search', searchOperations(new SearchIndex(catalog.products, { fullTextRounds: config.searchFullTextRounds })));
  const recommendationsModule = faults.gate('recommendations', recommendationsOperations(catalog, coPurchases));

  const recommendationsFor = async (productId: string): Promise<Result<Recommendations>> => {
    const product = await catalogModule.getProduct(productId);
    if (!product.ok) return product;
    try {
      const items = await recommendationsModule.recommend(productId);
      return items.ok ? ok({ items: items.value, degraded: false }) : items;
    } catch (error) {
      // The monolith's fallback: a page without recommendations beats no page.
      logger.warn({ err: error }, 'recommendations failed: answering degraded');
      return ok({ items: [], degraded: true });
    }
  };

  const requests = requestConsumer('product-service', {
    'product.search': (query) => searchModule.search(query),
    'product.get': ({ productId }) => catalogModule.getProduct(productId),
    'product.recommend': ({ productId }) => recommendationsFor(productId),
  }, logger, config.prefetch);
  const events = orderPlacedConsumer('recommendations', 'product-service', {
    db, revision: config.contract, apply: recommendationsOnOrderPlaced(coPurchases),
  }, logger);

  const running = await startBusComponent({
    config, logger, parts: [requests, events.consumer],
    checks: () => ({ database: db.open }),
  });
  events.reader.start();
  return {
    url: running.url,
    stop: async () => {
      events.reader.stop();
      await running.stop();
      db.close();
    },
  };
}
