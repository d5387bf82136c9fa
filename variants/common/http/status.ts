import type { FailureCode } from '../../../shared-domain/result.js';

/** The one mapping from a business failure to an HTTP status. */
export const STATUS_OF: Readonly<Record<FailureCode, number>> = {
  'REQUEST.INVALID': 400,
  'PRODUCT.NOT_FOUND': 404,
  'CART.NOT_FOUND': 404,
  'ORDER.NOT_FOUND': 404,
  'CART.EMPTY': 409,
  'ORDER.OUT_OF_STOCK': 409,
  'ORDER.IN_PROGRESS': 409,
  'PAYMENT.DECLINED': 402,
};
