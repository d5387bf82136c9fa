/** inventory-service: reserves and releases stock for the esb's checkouts, commits it on OrderPlaced. */
import { generateCatalog } from '../../../../shared-domain/index.js';
import { inventoryOperations } from '../../../common/module-operations.js';
import { inventoryOnOrderPlaced } from '../../../common/order-placed-handlers.js';
import { AppliedEvents } from '../../../common/sqlite/applied-events.js';
import { SqliteInventoryRepository } from '../../../common/sqlite/inventory-repository.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { startBusComponent } from '../../bus-component.js';
import { openEnterpriseDatabase } from '../../enterprise-database.js';
import { orderPlacedConsumer, requestConsumer } from '../service-consumers.js';
import { PlacedOrderGuard } from './placed-order-guard.js';

export async function startInventoryService({ config, faults, logger }: ComponentContext): Promise<StartedComponent> {
  const db = openEnterpriseDatabase(config.dataDir, generateCatalog(config.seed));
  const inventory = new PlacedOrderGuard(new SqliteInventoryRepository(db), db, (orderId) => {
    logger.warn({ orderId }, 'kept the stock of a placed order: its checkout had asked to release it');
  });

  const inventoryModule = faults.gate('inventory', inventoryOperations(inventory));

  const requests = requestConsumer('inventory-service', {
    'inventory.reserve': ({ orderId, lines }) => inventoryModule.reserve(orderId, lines),
    'inventory.release': async ({ orderId }) => (await inventoryModule.release(orderId), null),
  }, logger, config.prefetch);
  const events = orderPlacedConsumer('inventory', 'inventory-service', {
    db, revision: config.contract, apply: inventoryOnOrderPlaced(inventory, new AppliedEvents(db, 'inventory')),
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
