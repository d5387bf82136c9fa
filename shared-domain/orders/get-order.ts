import { fail, ok, type Result } from '../result.js';
import type { OrderRepository } from '../ports.js';
import type { Order } from '../types.js';

export async function getOrder(orders: Pick<OrderRepository, 'get'>, orderId: string): Promise<Result<Order>> {
  const order = await orders.get(orderId);
  return order ? ok(order) : fail('ORDER.NOT_FOUND', `no order ${orderId}`);
}
