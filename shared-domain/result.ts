/**
 * Expected failures are values with a stable code; unexpected ones are thrown.
 * The codes are the API's `error.code` and travel unchanged over every transport.
 */
export const FAILURE_CODES = [
  'REQUEST.INVALID',
  'PRODUCT.NOT_FOUND',
  'CART.NOT_FOUND',
  'CART.EMPTY',
  'ORDER.NOT_FOUND',
  'ORDER.OUT_OF_STOCK',
  'ORDER.IN_PROGRESS',
  'PAYMENT.DECLINED',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export interface Failure {
  readonly code: FailureCode;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: FailureCode, message: string): Result<T> => ({ ok: false, error: { code, message } });

export function isFailureCode(code: unknown): code is FailureCode {
  return typeof code === 'string' && (FAILURE_CODES as readonly string[]).includes(code);
}
