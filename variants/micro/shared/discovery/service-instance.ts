/**
 * One running instance of a service as the registry stores it: the value under `<service>.<instanceId>`.
 * Both names are one key token each (no dot), so a key always splits back into the two.
 */
import { z } from 'zod';
import { RegistryConfigError } from './errors.js';

export interface ServiceInstance {
  readonly service: string;
  readonly instanceId: string;
  /** Where the instance serves, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly version: string;
  /** ISO 8601. */
  readonly startedAt: string;
}

const token = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _');

export const serviceInstanceSchema = z.object({
  service: token,
  instanceId: token,
  url: z.string().url(),
  version: z.string().min(1).max(64),
  startedAt: z.string().datetime(),
});

export function instanceKey(instance: Pick<ServiceInstance, 'service' | 'instanceId'>): string {
  return `${instance.service}.${instance.instanceId}`;
}

/** Checks an instance before it is registered: a bad one fails the start, not a heartbeat. */
export function validInstance(instance: ServiceInstance): ServiceInstance {
  const parsed = serviceInstanceSchema.safeParse(instance);
  if (!parsed.success) throw new RegistryConfigError(`invalid service instance: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A stored value, or undefined when it is not one (written by something else): a reader skips it. */
export function decodeInstance(data: Uint8Array): ServiceInstance | undefined {
  try {
    const parsed = serviceInstanceSchema.safeParse(JSON.parse(Buffer.from(data).toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function encodeInstance(instance: ServiceInstance): string {
  return JSON.stringify(instance);
}
