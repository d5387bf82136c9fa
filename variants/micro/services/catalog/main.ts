/** The catalog service's process: catalog + search over the seeded reference data. */
import { runComponent } from '../../shared/run-component.js';
import { startCatalogService } from './catalog-service.js';

await runComponent(process.env, ['catalog', 'search'], startCatalogService);
