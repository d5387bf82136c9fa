import { runComponent } from '../../../common/run-component.js';
import { soaTopology } from '../../topology.js';
import { startPaymentService } from './payment-service.js';

await runComponent({ topology: soaTopology, env: process.env, start: startPaymentService });
