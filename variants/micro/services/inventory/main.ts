/** The inventory service's process. */
import { runComponent } from '../../shared/run-component.js';
import { startInventoryService } from './inventory-service.js';

await runComponent(process.env, ['inventory'], startInventoryService);
