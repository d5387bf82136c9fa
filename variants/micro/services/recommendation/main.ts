/** The recommendation service's process. */
import { runComponent } from '../../../common/run-component.js';
import { joinRegistry } from '../../shared/join-registry.js';
import { microTopology } from '../../topology.js';
import { startRecommendationService } from './recommendation-service.js';

await runComponent({ topology: microTopology, env: process.env, start: startRecommendationService, afterListening: joinRegistry });
