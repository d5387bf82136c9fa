import type { LifecycleEvent } from './types.js';

/** Every lifecycle event of a variant, in the order the lab saw them. */
export class LifecycleRecorder {
  readonly #events: LifecycleEvent[] = [];

  constructor(private readonly onEvent?: (event: LifecycleEvent) => void) {}

  record(component: string, instance: number, event: Omit<LifecycleEvent, 'tMs' | 'component' | 'instance'>): void {
    const full: LifecycleEvent = { tMs: Date.now(), component, instance, ...withoutUndefined(event) };
    this.#events.push(full);
    this.onEvent?.(full);
  }

  /** A recorder bound to one process. */
  for(component: string, instance: number) {
    return (event: Omit<LifecycleEvent, 'tMs' | 'component' | 'instance'>) => this.record(component, instance, event);
  }

  all(): LifecycleEvent[] {
    return [...this.#events];
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
