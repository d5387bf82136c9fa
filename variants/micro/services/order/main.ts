/** The order service's process. */
import { runComponent } from '../../shared/run-component.js';
import { startOrderService } from './order-service.js';

await runComponent(process.env, ['orders'], startOrderService);
