import type { Dispatcher } from 'undici';
import { causeOfError, causeOfStatus } from './classify.js';
import type { DeadlineQueue } from './deadline-queue.js';
import type { FailureCause } from './types.js';

/** What every step of a journey needs: the worker's connection pool and its request timeouts. */
export interface StepContext {
  readonly dispatcher: Dispatcher;
  readonly deadlines: DeadlineQueue;
}

export interface StepRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Parse the answer as JSON (otherwise it is read and dropped, which keeps the connection reusable). */
  readonly json?: boolean;
}

export type StepAnswer =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly cause: FailureCause; readonly status?: number };

const JSON_HEADERS = { 'content-type': 'application/json' };
/** Bodies up to this size are drained to keep the connection; larger ones close it. */
const DUMP_LIMIT_BYTES = 1 << 20;

/** One HTTP call with the per-request timeout; never throws for a transport failure, only for a stop. */
export async function httpStep(context: StepContext, request: StepRequest): Promise<StepAnswer> {
  const deadline = context.deadlines.arm();
  try {
    const response = await context.dispatcher.request({
      method: request.method,
      path: request.path,
      headers: request.body === undefined ? request.headers : { ...JSON_HEADERS, ...request.headers },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: deadline.signal,
    });
    const status = response.statusCode;
    const cause = causeOfStatus(status);
    if (cause !== undefined || request.json !== true) {
      // The request's signal still covers the body: a deadline passing now destroys it with the reason.
      await response.body.dump({ limit: DUMP_LIMIT_BYTES });
      return cause === undefined ? { ok: true, status, body: undefined } : { ok: false, cause, status };
    }
    const text = await response.body.text();
    try {
      return { ok: true, status, body: JSON.parse(text) as unknown };
    } catch {
      // A 2xx the client cannot read is the server's fault.
      return { ok: false, cause: '5xx', status };
    }
  } catch (error) {
    return { ok: false, cause: causeOfError(error) };
  } finally {
    deadline.release();
  }
}
