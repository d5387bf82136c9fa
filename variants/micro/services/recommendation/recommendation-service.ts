/**
 * recommendation: up to five products for a product. Co-purchase counts live in the service's own
 * database, fed by OrderPlaced events (durable consumer `recommendation`, de-duplicated by event id).
 * The category and popularity directory it ranks with is derived from the seed, like the catalog
 * service's products: immutable reference data, so no call to catalog is needed to answer.
 */
import { join } from 'node:path';
import { Catalog, generateCatalog } from '../../../../shared-domain/index.js';
import { ok } from '../../../../shared-domain/result.js';
import { idSchema } from '../../../common/http/schemas.js';
import { recommendationsOperations } from '../../../common/module-operations.js';
import { recommendationsOnOrderPlaced } from '../../../common/order-placed-handlers.js';
import { openDatabase } from '../../../common/sqlite/database.js';
import { SqliteRecommendationRepository } from '../../../common/sqlite/recommendation-repository.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { serve } from '../../../common/server.js';
import { connectOrderEvents } from '../../shared/events/order-events.js';
import { MICRO_DATABASES } from '../../databases.js';
import { createServiceApp, parseOr400, sendResult } from '../../shared/service-app.js';

const RECOMMENDATION_DURABLE = 'recommendation';

export async function startRecommendationService({ config, logger, faults, readiness: checks }: ComponentContext): Promise<StartedComponent> {
  const directory = new Catalog(generateCatalog(config.seed));
  const db = openDatabase({ path: join(config.dataDir, MICRO_DATABASES.recommendation), modules: ['recommendations'] });
  const coPurchases = new SqliteRecommendationRepository(db);
  const recommendationsModule = faults.gate('recommendations', recommendationsOperations(directory, coPurchases));
  const events = connectOrderEvents({
    config, logger,
    consume: { durable: RECOMMENDATION_DURABLE, handle: recommendationsOnOrderPlaced(coPurchases), db },
  });

  const app = createServiceApp({
    logger,
    checks,
    readiness: () => ({ ready: db.open && events.link.ready, checks: { database: db.open, nats: events.link.ready } }),
    routes: (routes) => {
      routes.get('/products/:id/recommendations', async (req, res) => {
        const id = parseOr400(idSchema, req.params.id, res);
        if (id === undefined) return;
        const items = await recommendationsModule.recommend(id);
        sendResult(res, 200, items.ok ? ok({ items: items.value }) : items);
      });
    },
  });
  return serve(app, config, async () => {
    await events.stop();
    db.close();
  });
}
