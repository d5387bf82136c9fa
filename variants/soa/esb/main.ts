import { runComponent } from '../../common/run-component.js';
import { soaTopology } from '../topology.js';
import { startEsb } from './esb.js';

await runComponent({ topology: soaTopology, env: process.env, start: startEsb });
