/**
 * cart: carts and their lines in the cart service's own database.
 *
 * Prices come from a local projection of the catalog, derived from the seed like the catalog service
 * derives its products, not from a call to catalog: the catalog is immutable reference data, so the
 * projection is exact, and a cart keeps working while catalog is down. (Were prices to change, this
 * projection would be fed by catalog events on the stream, never by a synchronous call per add.)
 */
import { join } from 'node:path';
import {
  Catalog, addToCart, createCart, generateCatalog, getCart, removeFromCart, type CartDeps,
} from '../../../../shared-domain/index.js';
import { uuidIds } from '../../../common/ids.js';
import { addToCartSchema, idSchema } from '../../../common/http/schemas.js';
import { SqliteCartRepository } from '../../../common/sqlite/cart-repository.js';
import { openDatabase } from '../../../common/sqlite/database.js';
import { MICRO_DATABASES } from '../../databases.js';
import { serve, type ComponentContext, type StartedComponent } from '../../shared/run-component.js';
import { createServiceApp, parseOr400, sendResult } from '../../shared/service-app.js';

export async function startCartService({ config, logger, faults }: ComponentContext): Promise<StartedComponent> {
  const db = openDatabase({ path: join(config.dataDir, MICRO_DATABASES.cart), modules: ['cart'] });
  const carts = new SqliteCartRepository(db);
  const deps: CartDeps = { carts, catalog: new Catalog(generateCatalog(config.seed)).asPort(), ids: uuidIds };

  const app = createServiceApp({
    logger,
    readiness: () => ({ ready: db.open, checks: { database: db.open } }),
    routes: (routes) => {
      routes.post('/carts', async (_req, res) => {
        await faults.guard('cart');
        sendResult(res, 201, await createCart(deps));
      });
      routes.get('/carts/:id', async (req, res) => {
        await faults.guard('cart');
        sendResult(res, 200, await getCart(deps, req.params.id));
      });
      routes.post('/carts/:id/items', async (req, res) => {
        const item = parseOr400(addToCartSchema, req.body, res);
        if (!item) return;
        await faults.guard('cart');
        sendResult(res, 200, await addToCart(deps, req.params.id, item.productId, item.quantity));
      });
      routes.delete('/carts/:id/items/:productId', async (req, res) => {
        await faults.guard('cart');
        sendResult(res, 200, await removeFromCart(deps, req.params.id, req.params.productId));
      });
      // Emptied by the order service after a checkout. Idempotent, and not guarded, as in the monolith.
      routes.delete('/carts/:id/items', async (req, res) => {
        const id = parseOr400(idSchema, req.params.id, res);
        if (id === undefined) return;
        await carts.clear(id);
        res.status(204).end();
      });
    },
  });
  return serve(app, config, () => void db.close());
}
