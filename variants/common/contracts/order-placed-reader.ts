/**
 * How a consumer process reads OrderPlaced events from its transport, whatever revision wrote them:
 *
 *   delivered ─ this revision reads it? ─ yes ─ apply (throws → the transport redelivers)
 *                                       └ no  ─ parked in `parked_events`, acknowledged
 *   every second: parked events this revision can read now ─ apply ─ unparked   ("replayed")
 *
 * An event no running revision can read is never dropped: it waits, parked, for a build that can read
 * it (the rest of a rolling deploy), and the lab reports what is still parked at the end. Every read
 * is logged as `contract read` for the version-skew quadrants (boundary/contracts.ts).
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { CONTRACT_READ, type ContractOutcome, type ContractRead, type ContractRevision } from '../../../boundary/contracts.js';
import type { OrderPlaced } from '../../../shared-domain/types.js';
import type { Db } from '../sqlite/database.js';
import { readContract, revisionOf } from './wire.js';

const REPLAY_INTERVAL_MS = 1_000;
const REPLAY_BATCH = 100;

const orderPlacedSchema = z.object({
  id: z.string().min(1),
  type: z.literal('OrderPlaced'),
  orderId: z.string().min(1),
  lines: z.array(z.object({ productId: z.string(), quantity: z.number().int().positive() })),
  totalCents: z.number().int(),
  occurredAt: z.string(),
});

export interface OrderPlacedReaderOptions {
  readonly db: Db;
  /** The consumer's name in `applied_events` and `parked_events`: shared by its replicas. */
  readonly consumer: string;
  readonly revision: ContractRevision;
  readonly apply: (event: OrderPlaced) => Promise<void>;
  readonly logger: Logger;
}

/** Where a message came from: the revision that wrote it, and whether the ESB translated it on the way. */
export interface Provenance {
  readonly producer: unknown;
  readonly translated?: boolean;
}

export class OrderPlacedReader {
  readonly #park;
  readonly #parked;
  readonly #unpark;
  #timer: NodeJS.Timeout | undefined;
  #replaying = false;

  constructor(private readonly options: OrderPlacedReaderOptions) {
    const { db } = options;
    this.#park = db.prepare('INSERT OR IGNORE INTO parked_events (consumer, event_id, producer, translated, reason, payload, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.#parked = db.prepare<[string, number], { event_id: string; producer: string; translated: number; payload: string }>(
      'SELECT event_id, producer, translated, payload FROM parked_events WHERE consumer = ? ORDER BY parked_at LIMIT ?');
    this.#unpark = db.prepare('DELETE FROM parked_events WHERE consumer = ? AND event_id = ?');
  }

  /** Replays parked events every second until stopped. */
  start(): this {
    this.#timer = setInterval(() => void this.replay(), REPLAY_INTERVAL_MS);
    this.#timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** One delivered message (its raw bytes or parsed body): applied, or parked. Throws when applying threw. */
  async deliver(payload: Uint8Array | string | object, from: Provenance): Promise<void> {
    const producer = revisionOf(from.producer);
    // Bytes and text are parsed here; a body the transport parsed already is read as it is.
    const text = typeof payload === 'string' ? payload : payload instanceof Uint8Array ? Buffer.from(payload).toString('utf8') : undefined;
    const wire = text === undefined ? payload : parseJson(text);
    const event = this.#read(wire);
    if (!event) {
      const id = eventId(wire, text ?? JSON.stringify(payload));
      this.#park.run(this.options.consumer, id, producer, from.translated ? 1 : 0, 'unreadable', text ?? JSON.stringify(payload), new Date().toISOString());
      this.#log(producer, from.translated, 'parked', { eventId: id });
      return;
    }
    await this.options.apply(event);
    this.#log(producer, from.translated, 'read');
  }

  /** Applies the parked events this revision can read; answers how many. */
  async replay(): Promise<number> {
    if (this.#replaying) return 0;
    this.#replaying = true;
    let replayed = 0;
    try {
      for (const row of this.#parked.all(this.options.consumer, REPLAY_BATCH)) {
        const event = this.#read(parseJson(row.payload));
        if (!event) continue;
        await this.options.apply(event);
        if (this.#unpark.run(this.options.consumer, row.event_id).changes === 0) continue; // another replica did
        replayed += 1;
        this.#log(revisionOf(row.producer), row.translated === 1, 'replayed', { eventId: row.event_id });
      }
    } catch (error) {
      this.options.logger.warn({ err: error }, 'order events: replaying a parked event failed, trying again later');
    } finally {
      this.#replaying = false;
    }
    return replayed;
  }

  #read(wire: unknown): OrderPlaced | undefined {
    const parsed = orderPlacedSchema.safeParse(readContract('OrderPlaced', this.options.revision, wire));
    return parsed.success ? parsed.data : undefined;
  }

  #log(producer: ContractRevision | 'unknown', translated: boolean | undefined, outcome: ContractOutcome, extra: object = {}): void {
    const read: ContractRead = { contract: 'OrderPlaced', producer, consumer: this.options.revision, outcome, ...(translated ? { translated } : {}) };
    this.options.logger[outcome === 'parked' ? 'warn' : 'info']({ ...read, consumerName: this.options.consumer, ...extra }, CONTRACT_READ);
  }
}

/** JSON, or undefined for text that is not (it cannot be read, and is parked as it came). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The event's id if it has one; otherwise one made from its text, so the same message parks once. */
function eventId(wire: unknown, text: string): string {
  const id = (wire as { id?: unknown } | null | undefined)?.id;
  if (typeof id === 'string' && id.length > 0) return id;
  return `unreadable-${Buffer.from(text).toString('base64url').slice(0, 40)}`;
}
