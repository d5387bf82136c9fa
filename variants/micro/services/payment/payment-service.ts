/**
 * payment: the simulated card provider, with its payments in its own database. Authorize and void are
 * keyed by order id and idempotent (a second authorize answers the first decision), so the order
 * service may retry them.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { contractRefusal, readRequest } from '../../../common/contracts/request-reader.js';
import { CONTRACT_HEADER } from '../../../common/contracts/wire.js';
import { idSchema } from '../../../common/http/schemas.js';
import { paymentOperations } from '../../../common/module-operations.js';
import { openDatabase } from '../../../common/sqlite/database.js';
import { SqlitePaymentRepository } from '../../../common/sqlite/payment-repository.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { serve } from '../../../common/server.js';
import { MICRO_DATABASES } from '../../databases.js';
import { createServiceApp, parseOr400, sendError, sendResult } from '../../shared/service-app.js';

/** Card numbers are checked by the use case itself, so its message is the one callers see. */
const authorizeSchema = z.object({
  amountCents: z.number().int(),
  card: z.object({ number: z.string().max(100) }),
});

export async function startPaymentService({ config, logger, faults, readiness: checks }: ComponentContext): Promise<StartedComponent> {
  const db = openDatabase({ path: join(config.dataDir, MICRO_DATABASES.payment), modules: ['payment'] });
  const paymentModule = faults.gate('payment', paymentOperations(new SqlitePaymentRepository(db)));

  const app = createServiceApp({
    logger,
    checks,
    readiness: () => ({ ready: db.open, checks: { database: db.open } }),
    routes: (routes) => {
      routes.put('/payments/:orderId', async (req, res) => {
        const orderId = parseOr400(idSchema, req.params.orderId, res);
        if (orderId === undefined) return;
        // Written in the caller's contract revision: read it as this build's revision reads it.
        const producer = req.get(CONTRACT_HEADER);
        const request = readRequest('payment.authorize', config.contract, req.body, { producer }, logger);
        if (!request) return sendError(res, 400, 'REQUEST.CONTRACT', contractRefusal('payment.authorize', config.contract, producer));
        const body = parseOr400(authorizeSchema, request, res);
        if (!body) return;
        sendResult(res, 200, await paymentModule.authorize(orderId, body.amountCents, body.card.number));
      });
      routes.delete('/payments/:orderId', async (req, res) => {
        const orderId = parseOr400(idSchema, req.params.orderId, res);
        if (orderId === undefined) return;
        await paymentModule.void(orderId);
        res.status(204).end();
      });
    },
  });
  return serve(app, config, () => void db.close());
}
