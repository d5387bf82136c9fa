import { runComponent } from '../../common/run-component.js';
import { soaTopology } from '../topology.js';
import { startPortal } from './portal.js';

await runComponent({ topology: soaTopology, env: process.env, start: startPortal });
