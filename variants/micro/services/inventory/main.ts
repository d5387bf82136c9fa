/** The inventory service's process. */
import { runComponent } from '../../../common/run-component.js';
import { joinRegistry } from '../../shared/join-registry.js';
import { microTopology } from '../../topology.js';
import { startInventoryService } from './inventory-service.js';

await runComponent({ topology: microTopology, env: process.env, start: startInventoryService, afterListening: joinRegistry });
