import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../../shared-domain/ports.js';

export const uuidIds: IdGenerator = { newId: (prefix) => `${prefix}-${randomUUID()}` };
export const systemClock: Clock = { now: () => new Date() };
