import { runComponent } from '../../component.js';
import { startPaymentService } from './payment-service.js';

await runComponent(startPaymentService, process.env);
