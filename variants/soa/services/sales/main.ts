import { runComponent } from '../../../common/run-component.js';
import { soaTopology } from '../../topology.js';
import { startSalesService } from './sales-service.js';

await runComponent({ topology: soaTopology, env: process.env, start: startSalesService });
