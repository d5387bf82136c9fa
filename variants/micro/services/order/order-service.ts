/**
 * order: orders in the order service's own database, and the checkout saga over HTTP:
 *
 *   POST /checkout ─ cart GET ─ inventory PUT reservation ─ payment PUT ─ save order + OrderPlaced
 *   (one transaction: the outbox) ─ cart emptied ─ 201     decline or failure: void, release
 *   outbox relay ─ JetStream `orders.placed` (msgID = event id), marked published after the ack
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from 'pino';
import { Discovery, type InstanceSource } from '../../shared/discovery/index.js';
import { checkoutSchema, idempotencyKeySchema } from '../../../common/http/schemas.js';
import { systemClock, uuidIds } from '../../../common/ids.js';
import { ordersOperations } from '../../../common/module-operations.js';
import { OutboxRelay } from '../../../common/outbox-relay.js';
import { openDatabase } from '../../../common/sqlite/database.js';
import { SqliteOrderRepository } from '../../../common/sqlite/order-repository.js';
import { SqliteOutbox } from '../../../common/sqlite/outbox.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { serve } from '../../../common/server.js';
import type { DownstreamBudgets } from '../../shared/call-policy.js';
import { connectOrderEvents } from '../../shared/events/order-events.js';
import { publishOrderPlaced } from '../../shared/events/order-stream.js';
import { MICRO_DATABASES } from '../../databases.js';
import { createServiceApp, parseOr400, sendResult } from '../../shared/service-app.js';
import { ServiceClient } from '../../shared/service-client.js';
import { httpCheckoutPorts } from './checkout-ports.js';

const idempotencyKeyHeaderSchema = z.object({ key: idempotencyKeySchema });

/**
 * Each step of a checkout gets 0.8 s per attempt and 2 s in all, retries included: these services
 * answer in milliseconds, so a step that takes longer is failing. A saga that runs into several such
 * deadlines outlives the gateway's 6 s; the client's retry with the same Idempotency-Key then answers
 * with the order, if this attempt placed one.
 */
const STEP_BUDGET: DownstreamBudgets = {
  idempotent: { attemptTimeoutMs: 800, retries: 2, totalTimeoutMs: 2_000 },
  oneShotTimeoutMs: 2_000,
};

export async function startOrderService({ config, logger, faults, readiness: checks }: ComponentContext): Promise<StartedComponent> {
  const db = openDatabase({ path: join(config.dataDir, MICRO_DATABASES.order), modules: ['orders'] });
  const orders = new SqliteOrderRepository(db);
  const events = connectOrderEvents({ config, logger });
  const relay = new OutboxRelay({
    outbox: new SqliteOutbox(db),
    logger,
    publish: (event) => publishOrderPlaced(events.link.connection().jetstream(), event, config.contract),
  }).start();
  const discovery = Discovery.start(config, logger, { resolve: true });
  const clients = downstreamClients(discovery, logger);
  const deps = { ...httpCheckoutPorts(clients, config.contract, logger), orders, ids: uuidIds, clock: systemClock };
  const ordersModule = faults.gate('orders', ordersOperations(deps, () => relay.poke()));

  const app = createServiceApp({
    logger,
    checks,
    readiness: () => ({ ready: db.open && events.link.ready && discovery.ready, checks: { database: db.open, nats: events.link.ready, discovery: discovery.ready } }),
    routes: (routes) => {
      routes.post('/checkout', async (req, res) => {
        const body = parseOr400(checkoutSchema, req.body, res);
        const key = body && parseOr400(idempotencyKeyHeaderSchema, { key: req.get('idempotency-key') }, res);
        if (!body || !key) return;
        sendResult(res, 201, await ordersModule.checkout({ cartId: body.cartId, cardNumber: body.card.number, idempotencyKey: key.key }));
      });
      routes.get('/orders/:id', async (req, res) => {
        sendResult(res, 200, await ordersModule.get(req.params.id));
      });
    },
  });
  return serve(app, config, async () => {
    await relay.stop();
    await events.stop();
    await Promise.all(Object.values(clients).map((client) => client.close()));
    await discovery.stop();
    db.close();
  });
}

function downstreamClients(instances: InstanceSource, logger: Logger) {
  const client = (name: string) => new ServiceClient(name, instances, STEP_BUDGET, logger);
  return { cart: client('cart'), inventory: client('inventory'), payment: client('payment') };
}
