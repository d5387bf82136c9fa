/** The recommendation service's process. */
import { runComponent } from '../../../common/run-component.js';
import { microTopology } from '../../topology.js';
import { startRecommendationService } from './recommendation-service.js';

await runComponent({ topology: microTopology, env: process.env, start: startRecommendationService });
