/** Errors of service discovery. A registry that cannot be reached is kept apart from a bad registration. */
import { UpstreamUnavailableError } from '../../../common/errors.js';

/** An instance, heartbeat or bucket that cannot work as asked: found when it is built, never on a heartbeat. */
export class RegistryConfigError extends Error {
  override readonly name = 'RegistryConfigError';
}

/** The registry (a JetStream KV bucket) did not answer what a start waited for. */
export class RegistryUnavailableError extends Error {
  override readonly name = 'RegistryUnavailableError';
  constructor(readonly bucket: string, readonly waitedFor: string, options: { cause: unknown }) {
    super(`registry bucket ${bucket} did not answer: ${waitedFor}`, options);
  }
}

/**
 * No instance of a service can take a call: none is registered, or every one's circuit is open.
 * An `UpstreamUnavailableError` (and named so), so every edge already answers it with a 503.
 */
export class NoLiveInstanceError extends UpstreamUnavailableError {
  constructor(readonly service: string, readonly reason: string) {
    super(service, reason);
  }
}
