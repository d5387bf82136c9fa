import { runComponent } from '../../component.js';
import { startSalesService } from './sales-service.js';

await runComponent(startSalesService, process.env);
