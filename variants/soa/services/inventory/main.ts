import { runComponent } from '../../../common/run-component.js';
import { soaTopology } from '../../topology.js';
import { startInventoryService } from './inventory-service.js';

await runComponent({ topology: soaTopology, env: process.env, start: startInventoryService });
