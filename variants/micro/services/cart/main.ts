/** The cart service's process. */
import { runComponent } from '../../shared/run-component.js';
import { startCartService } from './cart-service.js';

await runComponent(process.env, ['cart'], startCartService);
