import { runComponent } from '../../component.js';
import { startProductService } from './product-service.js';

await runComponent(startProductService, process.env);
