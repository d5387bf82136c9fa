import { httpStep } from './http-step.js';
import { answered, failedAt, type Journey } from './journey.js';

/** One GET of a fixed path: the cheapest journey, for benchmarking the generator against a bare server. */
export const rawGet: Journey = async (context) => {
  const answer = await httpStep(context, { method: 'GET', path: context.rawPath });
  return answer.ok ? answered('ok', answer.status) : failedAt(answer);
};
