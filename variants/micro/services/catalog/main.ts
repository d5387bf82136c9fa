/** The catalog service's process: catalog + search over the seeded reference data. */
import { runComponent } from '../../../common/run-component.js';
import { joinRegistry } from '../../shared/join-registry.js';
import { microTopology } from '../../topology.js';
import { startCatalogService } from './catalog-service.js';

await runComponent({ topology: microTopology, env: process.env, start: startCatalogService, afterListening: joinRegistry });
