import { randomProductId } from './choices.js';
import { httpStep } from './http-step.js';
import { answered, failedAt, type Journey } from './journey.js';

/**
 * A product page: the product, then its recommendations. Recommendations that fail, or answer
 * `degraded: true`, make the page degraded, not failed: the product itself was shown.
 */
export const product: Journey = async (context) => {
  const id = randomProductId(context.random);
  const item = await httpStep(context, { method: 'GET', path: `/api/products/${id}` });
  if (!item.ok) return failedAt(item);
  const recommendations = await httpStep(context, { method: 'GET', path: `/api/products/${id}/recommendations`, json: true });
  if (!recommendations.ok) return answered('degraded', recommendations.status ?? item.status, recommendations.cause);
  const degraded = (recommendations.body as { degraded?: unknown } | null)?.degraded === true;
  return answered(degraded ? 'degraded' : 'ok', recommendations.status);
};
