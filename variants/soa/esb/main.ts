import { runComponent } from '../component.js';
import { startEsb } from './esb.js';

await runComponent(startEsb, process.env);
