import { runComponent } from '../component.js';
import { startPortal } from './portal.js';

await runComponent(startPortal, process.env);
