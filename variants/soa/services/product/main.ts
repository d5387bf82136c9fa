import { runComponent } from '../../../common/run-component.js';
import { soaTopology } from '../../topology.js';
import { startProductService } from './product-service.js';

await runComponent({ topology: soaTopology, env: process.env, start: startProductService });
