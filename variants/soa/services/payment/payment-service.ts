/** payment-service: the simulated card provider. */
import { contractRefusal, readRequest } from '../../../common/contracts/request-reader.js';
import { CONTRACT_HEADER, CONTRACT_ORIGIN_HEADER } from '../../../common/contracts/wire.js';
import { paymentOperations } from '../../../common/module-operations.js';
import { InvalidMessageError } from '../../amqp/errors.js';
import { SqlitePaymentRepository } from '../../../common/sqlite/payment-repository.js';
import type { ComponentContext, StartedComponent } from '../../../common/run-component.js';
import { startBusComponent } from '../../bus-component.js';
import { openEnterpriseDatabase } from '../../enterprise-database.js';
import { requestConsumer } from '../service-consumers.js';
import { PlacedOrderPaymentGuard } from './placed-order-guard.js';

export async function startPaymentService({ config, faults, logger }: ComponentContext): Promise<StartedComponent> {
  const db = openEnterpriseDatabase(config.dataDir);
  const payments = new PlacedOrderPaymentGuard(new SqlitePaymentRepository(db), db, (orderId) => {
    logger.warn({ orderId }, 'kept the payment of a placed order: its checkout had asked to void it');
  });

  const paymentModule = faults.gate('payment', paymentOperations(payments));

  const requests = requestConsumer('payment-service', {
    'payment.authorize': (wire, { headers }) => {
      // Read as this build's contract revision reads it; the ESB wrote it in the canonical model.
      const producer = headers[CONTRACT_ORIGIN_HEADER] ?? headers[CONTRACT_HEADER];
      const request = readRequest('payment.authorize', config.contract, wire, { producer, translated: headers[CONTRACT_ORIGIN_HEADER] !== undefined }, logger);
      if (!request) throw new InvalidMessageError(contractRefusal('payment.authorize', config.contract, producer));
      const { orderId, amountCents, cardNumber } = request as typeof wire;
      return paymentModule.authorize(orderId, amountCents, cardNumber);
    },
    'payment.void': async ({ orderId }) => (await paymentModule.void(orderId), null),
  }, logger, config.prefetch);

  const running = await startBusComponent({
    config, logger, parts: [requests],
    checks: () => ({ database: db.open }),
  });
  return {
    url: running.url,
    stop: async () => {
      await running.stop();
      db.close();
    },
  };
}
