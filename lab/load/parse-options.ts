import type { z } from 'zod';
import { loopbackOrigin } from '../journeys/index.js';
import { InvalidGeneratorOptionsError } from './errors.js';

/** Checks a generator's options once, before anything starts: the target first, then the schema. */
export function parseGeneratorOptions<Schema extends z.ZodType>(generator: string, schema: Schema, options: z.input<Schema> & { readonly edgeUrl: string }): z.output<Schema> {
  loopbackOrigin(options.edgeUrl);
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; ');
  throw new InvalidGeneratorOptionsError(generator, issues, { cause: parsed.error });
}
