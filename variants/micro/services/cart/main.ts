/** The cart service's process. */
import { runComponent } from '../../../common/run-component.js';
import { microTopology } from '../../topology.js';
import { startCartService } from './cart-service.js';

await runComponent(microTopology, startCartService);
