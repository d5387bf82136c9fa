/** Building blocks of the kinds' params schemas: whole milliseconds, a replica, no params at all. */
import { z } from 'zod';

export const ms = z.number().int().nonnegative();
export const positiveMs = z.number().int().positive();
/** Without it, every replica. */
export const instance = z.number().int().nonnegative().optional();
export const noParams = z.strictObject({}).optional();
