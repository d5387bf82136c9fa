/**
 * The JSON error body of the internal APIs: `{ error: { code, message } }` as on the public API, plus
 * `upstream` (and `timeoutMs`) on a 503/504, so the caller can pass on who failed without guessing.
 */
import { isFailureCode, fail, type Result } from '../../../shared-domain/result.js';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../../common/errors.js';
import { ServiceFailedError } from './errors.js';

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly upstream?: string;
    readonly reason?: string;
    readonly timeoutMs?: number;
  };
}

export function upstreamErrorBody(error: UpstreamUnavailableError | UpstreamTimeoutError): ErrorBody {
  if (error instanceof UpstreamTimeoutError) {
    return { error: { code: error.code, message: error.message, upstream: error.upstream, timeoutMs: error.timeoutMs } };
  }
  const prefix = `${error.upstream} is unavailable: `;
  const reason = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { error: { code: error.code, message: error.message, upstream: error.upstream, reason } };
}

/**
 * A non-2xx answer of `service` as the caller sees it: a business failure is a Result; a relayed
 * outage is thrown again as the same error class; anything else is a `ServiceFailedError`.
 */
export function decodeFailure<T>(service: string, status: number, bodyText: string): Result<T> {
  const body = parseErrorBody(bodyText);
  const code = body?.error.code;
  if (status >= 400 && status < 500 && isFailureCode(code)) return fail(code, body?.error.message ?? code);
  if (status === 503 && code === 'UPSTREAM.UNAVAILABLE') {
    throw new UpstreamUnavailableError(body?.error.upstream ?? service, body?.error.reason ?? body?.error.message ?? 'unavailable');
  }
  if (status === 504 && code === 'UPSTREAM.TIMEOUT') {
    throw new UpstreamTimeoutError(body?.error.upstream ?? service, body?.error.timeoutMs ?? 0);
  }
  throw new ServiceFailedError(service, status, code);
}

function parseErrorBody(text: string): ErrorBody | undefined {
  try {
    const body = JSON.parse(text) as Partial<ErrorBody> | null;
    return typeof body?.error?.code === 'string' ? (body as ErrorBody) : undefined;
  } catch {
    return undefined;
  }
}
