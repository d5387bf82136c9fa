/**
 * catalog: product pages and search. The catalog is read-only reference data generated from the seed,
 * so every replica builds the same products and search index at start-up and needs no database.
 */
import { Catalog, SearchIndex, generateCatalog } from '../../../../shared-domain/index.js';
import { catalogOperations, searchOperations } from '../../../common/module-operations.js';
import { idSchema, searchQuerySchema } from '../../../common/http/schemas.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { serve } from '../../../common/server.js';
import { createServiceApp, parseOr400, sendResult } from '../../shared/service-app.js';

export async function startCatalogService({ config, logger, faults, readiness: checks }: ComponentContext): Promise<StartedComponent> {
  const catalog = new Catalog(generateCatalog(config.seed));
  const catalogModule = faults.gate('catalog', catalogOperations(catalog.asPort()));
  const searchModule = faults.gate('search', searchOperations(new SearchIndex(catalog.products, { fullTextRounds: config.searchFullTextRounds })));

  const app = createServiceApp({
    logger,
    checks,
    readiness: () => ({ ready: true, checks: { catalog: true } }),
    routes: (routes) => {
      routes.get('/products', async (req, res) => {
        const query = parseOr400(searchQuerySchema, req.query, res);
        if (!query) return;
        sendResult(res, 200, await searchModule.search(query));
      });
      routes.get('/products/:id', async (req, res) => {
        const id = parseOr400(idSchema, req.params.id, res);
        if (id === undefined) return;
        sendResult(res, 200, await catalogModule.getProduct(id));
      });
    },
  });
  return serve(app, config, () => undefined);
}
