/**
 * Commands that must arrive — compensations, giving an idempotency key back, clearing a paid cart — sent with a publisher confirm.
 * Once confirmed they sit durably in the service's queue; while the broker is away they wait here and
 * go out, in order, when it is back. `send` never throws: the checkout it serves has moved on.
 * They wait in memory: an esb that dies meanwhile loses them.
 */
import type { Logger } from 'pino';
import type { RpcClient } from '../amqp/rpc-client.js';
import type { ServiceOperations } from '../messages.js';

export type CommandType = 'cart.clear' | 'order.releaseKey' | 'inventory.release' | 'payment.void';

interface Waiting<K extends CommandType = CommandType> {
  readonly type: K;
  readonly request: ServiceOperations[K]['request'];
}

export class DeferredCommands {
  readonly #waiting: Waiting[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: RpcClient<ServiceOperations>, private readonly logger: Logger, private readonly retryMs = 250) {}

  get backlog(): number {
    return this.#waiting.length;
  }

  async send<K extends CommandType>(type: K, request: ServiceOperations[K]['request']): Promise<void> {
    if (this.#waiting.length === 0) {
      try {
        await this.client.send(type, request);
        return;
      } catch (error) {
        this.logger.warn({ err: error, type }, 'command not sent: will send it when RabbitMQ is back');
      }
    }
    this.#waiting.push({ type, request } as Waiting);
    this.#schedule();
  }

  stop(): void {
    clearTimeout(this.#timer);
    if (this.#waiting.length > 0) this.logger.error({ commands: this.#waiting }, 'stopping with commands never sent');
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => void this.#flush(), this.retryMs);
  }

  async #flush(): Promise<void> {
    this.#timer = undefined;
    for (let next = this.#waiting[0]; next; next = this.#waiting[0]) {
      try {
        await this.client.send(next.type, next.request);
      } catch {
        break;
      }
      this.#waiting.shift();
    }
    if (this.#waiting.length > 0) this.#schedule();
    else this.logger.info('every deferred command sent');
  }
}
