/** The recommendation service's process. */
import { runComponent } from '../../shared/run-component.js';
import { startRecommendationService } from './recommendation-service.js';

await runComponent(process.env, ['recommendations'], startRecommendationService);
