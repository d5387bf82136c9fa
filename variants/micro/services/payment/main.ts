/** The payment service's process. */
import { runComponent } from '../../shared/run-component.js';
import { startPaymentService } from './payment-service.js';

await runComponent(process.env, ['payment'], startPaymentService);
