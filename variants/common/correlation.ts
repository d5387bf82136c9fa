/** The correlation id of the request being served, carried across awaits and into every outgoing call. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const storage = new AsyncLocalStorage<string>();

export function withCorrelationId<T>(incoming: string | undefined, fn: (id: string) => T): T {
  const id = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
  return storage.run(id, () => fn(id));
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}
