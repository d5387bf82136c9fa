/** One set of request schemas for every variant's edge. */
import { z } from 'zod';
import { LIMITS } from '../../../shared-domain/limits.js';

const intFromQuery = (min: number, max: number, fallback: number) =>
  z.string().regex(/^\d{1,9}$/, 'must be a whole number').optional()
    .transform((text) => (text === undefined ? fallback : Number(text)))
    .pipe(z.number().int().min(min).max(max));

export const searchQuerySchema = z.object({
  q: z.string().max(LIMITS.queryMaxChars).default(''),
  category: z.string().min(1).max(50).optional(),
  page: intFromQuery(1, 100_000, 1),
  pageSize: intFromQuery(1, LIMITS.pageSizeMax, LIMITS.pageSizeDefault),
});

export const idSchema = z.string().min(1).max(LIMITS.idMaxChars);

export const addToCartSchema = z.object({
  productId: idSchema,
  quantity: z.number().int().min(LIMITS.quantityMin).max(LIMITS.quantityMax),
});

export const checkoutSchema = z.object({
  cartId: idSchema,
  card: z.object({ number: z.string().regex(/^\d{12,19}$/, 'must be 12 to 19 digits') }),
});

export const idempotencyKeySchema = z.string().min(1).max(LIMITS.idempotencyKeyMaxChars).optional();

/** `path: message` for each issue, for the error body. */
export function describeIssues(error: z.ZodError, subject = 'body'): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : subject}: ${i.message}`).join('; ');
}
