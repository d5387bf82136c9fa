/** Input limits shared by the use cases and the request schemas. */
export const LIMITS = {
  queryMaxChars: 200,
  pageSizeMax: 50,
  pageSizeDefault: 20,
  quantityMin: 1,
  quantityMax: 99,
  cartLinesMax: 50,
  idMaxChars: 100,
  idempotencyKeyMaxChars: 200,
} as const;
