/** A small client of the public API for the variants' tests: every answer, never a throw (status 0 = no answer). */
import type { Order } from '../../shared-domain/types.js';
import { request } from 'undici';

export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly ms: number;
  readonly cause?: string;
}

export type Method = 'GET' | 'POST' | 'DELETE';

export class ShopClient {
  constructor(private readonly baseUrl: string, private readonly timeoutMs = 15_000) {}

  async call<T = unknown>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const started = performance.now();
    try {
      const response = await request(`${this.baseUrl}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.body.text();
      return { status: response.statusCode, body: (text ? JSON.parse(text) : undefined) as T, ms: performance.now() - started };
    } catch (error) {
      return { status: 0, body: undefined as T, ms: performance.now() - started, cause: String(error) };
    }
  }

  /** Creates a cart holding these lines: its id, or the first answer that was no success. */
  async fillCart(lines: ReadonlyArray<{ productId: string; quantity: number }>): Promise<{ cartId?: string; failed?: Answer }> {
    const created = await this.call<{ id: string }>('POST', '/api/carts');
    if (created.status !== 201) return { failed: created };
    for (const line of lines) {
      const added = await this.call('POST', `/api/carts/${created.body.id}/items`, line);
      if (added.status !== 200) return { failed: added };
    }
    return { cartId: created.body.id };
  }

  checkout(cartId: string, idempotencyKey: string, card = '4111111111111111'): Promise<Answer<Order>> {
    return this.call('POST', '/api/checkout', { cartId, card: { number: card } }, { 'idempotency-key': idempotencyKey });
  }
}
