/**
 * The one stream of the micro variant: OrderPlaced events on `orders.placed`, kept on disk by
 * JetStream. The order service publishes with `msgID = event.id`, so an event relayed twice (its
 * publish ack was lost) is stored once; each consumer service reads through its own durable consumer.
 */
import { AckPolicy, DeliverPolicy, JetStreamApiError, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { headers, nanos } from '@nats-io/transport-node';
import type { ContractRevision } from '../../../../boundary/contracts.js';
import type { OrderPlaced } from '../../../../shared-domain/types.js';
import { CONTRACT_HEADER, writeContract } from '../../../common/contracts/wire.js';

export const ORDER_STREAM = 'ORDERS';
export const ORDER_PLACED_SUBJECT = 'orders.placed';

/** Longer than any outage the lab stages: a relay retrying after it still hits JetStream's de-dup. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;
const PUBLISH_ACK_TIMEOUT_MS = 2_000;
/** Unacked for this long (a consumer died mid-message): delivered again. */
const ACK_WAIT_MS = 10_000;

export async function ensureOrderStream(jsm: JetStreamManager): Promise<void> {
  if (await exists(() => jsm.streams.info(ORDER_STREAM))) return;
  await jsm.streams.add({
    name: ORDER_STREAM,
    subjects: ['orders.>'],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    max_age: nanos(7 * 24 * 3_600_000),
  });
}

/** A durable pull consumer of every OrderPlaced event, acked one by one. */
export async function ensureOrderPlacedConsumer(jsm: JetStreamManager, durable: string): Promise<void> {
  if (await exists(() => jsm.consumers.info(ORDER_STREAM, durable))) return;
  await jsm.consumers.add(ORDER_STREAM, {
    durable_name: durable,
    filter_subject: ORDER_PLACED_SUBJECT,
    deliver_policy: DeliverPolicy.All,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(ACK_WAIT_MS),
    max_deliver: -1,
    max_ack_pending: 1_000,
  });
}

/**
 * Resolves once JetStream has stored the event (or knew it already); throws otherwise. Written as the
 * publisher's contract revision writes it, with the revision in a header.
 */
export async function publishOrderPlaced(js: JetStreamClient, event: OrderPlaced, revision: ContractRevision): Promise<void> {
  const head = headers();
  head.set(CONTRACT_HEADER, revision);
  const body = Buffer.from(JSON.stringify(writeContract('OrderPlaced', revision, event)));
  await js.publish(ORDER_PLACED_SUBJECT, body, { msgID: event.id, timeout: PUBLISH_ACK_TIMEOUT_MS, headers: head });
}

async function exists(info: () => Promise<unknown>): Promise<boolean> {
  try {
    await info();
    return true;
  } catch (error) {
    if (error instanceof JetStreamApiError && error.status === 404) return false;
    throw error;
  }
}
