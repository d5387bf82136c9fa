import { NonLoopbackTargetError } from './errors.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/** The origin to send journeys to; throws unless `url` is plain http on 127.0.0.1 or [::1]. */
export function loopbackOrigin(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NonLoopbackTargetError(url, 'it is not a URL');
  }
  if (parsed.protocol !== 'http:') throw new NonLoopbackTargetError(url, `the protocol is ${parsed.protocol}, not http:`);
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) throw new NonLoopbackTargetError(url, `${parsed.hostname} is not a loopback address`);
  return parsed.origin;
}

/** Whether `url` passes `loopbackOrigin` (for schemas). */
export function isLoopbackUrl(url: string): boolean {
  try {
    loopbackOrigin(url);
    return true;
  } catch {
    return false;
  }
}
