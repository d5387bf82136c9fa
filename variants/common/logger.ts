import { pino, type Logger } from 'pino';
import { currentCorrelationId } from './correlation.js';

export interface LoggerOptions {
  readonly variant: string;
  readonly component: string;
  readonly instance?: number;
  readonly level?: string;
}

/** One logger for every component: JSON lines on stdout, tagged with variant, component and correlationId. */
export function createLogger({ variant, component, instance = 0, level = 'info' }: LoggerOptions): Logger {
  return pino({
    level,
    base: { variant, component, instance },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
  });
}
