import { runComponent } from '../../component.js';
import { startInventoryService } from './inventory-service.js';

await runComponent(startInventoryService, process.env);
