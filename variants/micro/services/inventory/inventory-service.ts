/**
 * inventory: stock levels and reservations in the inventory service's own database, seeded from the
 * catalog's initial stock on first open. Reserve and release are keyed by order id and idempotent, so
 * the order service may retry them. OrderPlaced events (durable consumer `inventory`) commit the stock.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { generateCatalog } from '../../../../shared-domain/index.js';
import { LIMITS } from '../../../../shared-domain/limits.js';
import { idSchema } from '../../../common/http/schemas.js';
import { inventoryOperations } from '../../../common/module-operations.js';
import { inventoryOnOrderPlaced } from '../../../common/order-placed-handlers.js';
import { AppliedEvents } from '../../../common/sqlite/applied-events.js';
import { openDatabase } from '../../../common/sqlite/database.js';
import { SqliteInventoryRepository } from '../../../common/sqlite/inventory-repository.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { serve } from '../../../common/server.js';
import { connectOrderEvents } from '../../shared/events/order-events.js';
import { MICRO_DATABASES } from '../../databases.js';
import { createServiceApp, parseOr400, sendResult } from '../../shared/service-app.js';

/** Its name in `applied_events`, shared with the other variants' inventory handler. */
const INVENTORY_CONSUMER = 'inventory';

const reserveSchema = z.object({
  lines: z.array(z.object({ productId: idSchema, quantity: z.number().int().min(1) })).min(1).max(LIMITS.cartLinesMax),
});

export async function startInventoryService({ config, logger, faults, readiness: checks }: ComponentContext): Promise<StartedComponent> {
  const db = openDatabase({ path: join(config.dataDir, MICRO_DATABASES.inventory), modules: ['inventory'], products: generateCatalog(config.seed) });
  const stock = new SqliteInventoryRepository(db);
  const inventoryModule = faults.gate('inventory', inventoryOperations(stock));
  const events = connectOrderEvents({
    config, logger,
    consume: { durable: INVENTORY_CONSUMER, handle: inventoryOnOrderPlaced(stock, new AppliedEvents(db, INVENTORY_CONSUMER)), db },
  });

  const app = createServiceApp({
    logger,
    checks,
    readiness: () => ({ ready: db.open && events.link.ready, checks: { database: db.open, nats: events.link.ready } }),
    routes: (routes) => {
      routes.put('/reservations/:orderId', async (req, res) => {
        const orderId = parseOr400(idSchema, req.params.orderId, res);
        const body = orderId === undefined ? undefined : parseOr400(reserveSchema, req.body, res);
        if (orderId === undefined || !body) return;
        sendResult(res, 200, await inventoryModule.reserve(orderId, body.lines));
      });
      routes.delete('/reservations/:orderId', async (req, res) => {
        const orderId = parseOr400(idSchema, req.params.orderId, res);
        if (orderId === undefined) return;
        sendResult(res, 200, await inventoryModule.release(orderId));
      });
    },
  });
  return serve(app, config, async () => {
    await events.stop();
    db.close();
  });
}
