import { pick, SEARCH_TERMS } from './choices.js';
import { httpStep } from './http-step.js';
import { answered, failedAt, type Journey } from './journey.js';

/** Search: `GET /api/products?q=<term>&pageSize=20`. */
export const browse: Journey = async (context) => {
  const term = pick(context.random, SEARCH_TERMS);
  const search = await httpStep(context, { method: 'GET', path: `/api/products?q=${term}&pageSize=20` });
  return search.ok ? answered('ok', search.status) : failedAt(search);
};
