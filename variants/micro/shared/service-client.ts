/**
 * An HTTP client for one downstream service (undici), every call through that service's policies.
 * Business outcomes come back as Results, exactly as the service decided them; a service that cannot
 * answer throws `UpstreamUnavailableError` or `UpstreamTimeoutError`. The correlation id travels along.
 */
import { Agent, request } from 'undici';
import type { Logger } from 'pino';
import { ok, type Result } from '../../../shared-domain/result.js';
import { currentCorrelationId } from '../../common/correlation.js';
import { DownstreamPolicies, type DownstreamBudgets } from './call-policy.js';
import { fixedRoute, type InstanceSource } from './discovery/index.js';
import { decodeFailure } from './error-body.js';
import { ServiceUnreachableError } from './errors.js';

export interface CallOptions {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** Safe to send twice (GET, or keyed by an id the service applies once): retried on no answer. */
  readonly idempotent?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export class ServiceClient {
  private readonly policies: DownstreamPolicies;
  private readonly agent: Agent;

  /** `instances`: where the service is found (service discovery), or one fixed base URL. */
  constructor(readonly service: string, instances: InstanceSource | string, budgets: DownstreamBudgets, logger: Logger) {
    this.policies = new DownstreamPolicies(service, budgets, typeof instances === 'string' ? fixedRoute(service, instances) : instances, logger);
    // Its own connection pool: one slow service cannot take the sockets another needs.
    this.agent = new Agent({ connect: { timeout: budgets.idempotent.attemptTimeoutMs }, keepAliveTimeout: 4_000 });
  }

  get<T>(path: string): Promise<Result<T>> {
    return this.call<T>('GET', path, { idempotent: true });
  }

  call<T>(method: Method, path: string, options: CallOptions = {}): Promise<Result<T>> {
    return this.policies.run(options.idempotent ?? method === 'GET', (baseUrl, signal) => this.attempt<T>(baseUrl, method, path, options, signal));
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async attempt<T>(baseUrl: string, method: Method, path: string, options: CallOptions, signal: AbortSignal): Promise<Result<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const correlationId = currentCorrelationId();
    if (correlationId) headers['x-request-id'] = correlationId;
    for (const [name, value] of Object.entries(options.headers ?? {})) if (value !== undefined) headers[name] = value;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let status: number;
    let text: string;
    try {
      const response = await request(new URL(path, baseUrl), { method, headers, body, signal, dispatcher: this.agent });
      status = response.statusCode;
      text = await response.body.text();
    } catch (cause) {
      if (signal.aborted) throw cause; // the timeout policy reports this one
      throw new ServiceUnreachableError(this.service, { cause });
    }
    if (status >= 200 && status < 300) return ok((text.length > 0 ? JSON.parse(text) : undefined) as T);
    return decodeFailure<T>(this.service, status, text);
  }
}

/** A path segment from an id, encoded: ids come from users. */
export const segment = (id: string): string => encodeURIComponent(id);
