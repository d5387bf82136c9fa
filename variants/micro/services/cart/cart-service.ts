/**
 * cart: carts and their lines in the cart service's own database.
 *
 * Prices come from a local projection of the catalog, derived from the seed like the catalog service
 * derives its products, not from a call to catalog: the catalog is immutable reference data, so the
 * projection is exact, and a cart keeps working while catalog is down. (Were prices to change, this
 * projection would be fed by catalog events on the stream, never by a synchronous call per add.)
 */
import { join } from 'node:path';
import { Catalog, generateCatalog } from '../../../../shared-domain/index.js';
import { uuidIds } from '../../../common/ids.js';
import { cartOperations } from '../../../common/module-operations.js';
import { addToCartSchema, idSchema } from '../../../common/http/schemas.js';
import { SqliteCartRepository } from '../../../common/sqlite/cart-repository.js';
import { openDatabase } from '../../../common/sqlite/database.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { serve } from '../../../common/server.js';
import { MICRO_DATABASES } from '../../databases.js';
import { createServiceApp, parseOr400, sendResult } from '../../shared/service-app.js';

export async function startCartService({ config, logger, faults, readiness: checks }: ComponentContext): Promise<StartedComponent> {
  const db = openDatabase({ path: join(config.dataDir, MICRO_DATABASES.cart), modules: ['cart'] });
  const carts = new SqliteCartRepository(db);
  const cartModule = faults.gate('cart', cartOperations({ carts, catalog: new Catalog(generateCatalog(config.seed)).asPort(), ids: uuidIds }));

  const app = createServiceApp({
    logger,
    checks,
    readiness: () => ({ ready: db.open, checks: { database: db.open } }),
    routes: (routes) => {
      routes.post('/carts', async (_req, res) => {
        sendResult(res, 201, await cartModule.create());
      });
      routes.get('/carts/:id', async (req, res) => {
        sendResult(res, 200, await cartModule.get(req.params.id));
      });
      routes.post('/carts/:id/items', async (req, res) => {
        const item = parseOr400(addToCartSchema, req.body, res);
        if (!item) return;
        sendResult(res, 200, await cartModule.addItem(req.params.id, item.productId, item.quantity));
      });
      routes.delete('/carts/:id/items/:productId', async (req, res) => {
        sendResult(res, 200, await cartModule.removeItem(req.params.id, req.params.productId));
      });
      // Emptied by the order service after a checkout. Idempotent.
      routes.delete('/carts/:id/items', async (req, res) => {
        const id = parseOr400(idSchema, req.params.id, res);
        if (id === undefined) return;
        await cartModule.clear(id);
        res.status(204).end();
      });
    },
  });
  return serve(app, config, () => void db.close());
}
