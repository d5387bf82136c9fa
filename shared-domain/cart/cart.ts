import { LIMITS } from '../limits.js';
import { fail, ok, type Result } from '../result.js';
import type { CartRepository, CartState, CatalogPort, IdGenerator } from '../ports.js';
import type { Cart, CartLine, ProductId } from '../types.js';

export interface CartDeps {
  readonly carts: CartRepository;
  readonly catalog: CatalogPort;
  readonly ids: IdGenerator;
}

export async function createCart({ carts, ids }: CartDeps): Promise<Result<{ id: string }>> {
  const id = ids.newId('cart');
  await carts.create(id);
  return ok({ id });
}

export async function getCart({ carts }: Pick<CartDeps, 'carts'>, cartId: string): Promise<Result<Cart>> {
  const cart = await carts.get(cartId);
  return cart ? ok(priced(cart)) : fail('CART.NOT_FOUND', `no cart ${cartId}`);
}

export async function addToCart(deps: CartDeps, cartId: string, productId: ProductId, quantity: number): Promise<Result<Cart>> {
  const invalid = checkQuantity(quantity);
  if (invalid) return fail('REQUEST.INVALID', invalid);
  if (!(await deps.carts.get(cartId))) return fail('CART.NOT_FOUND', `no cart ${cartId}`);
  const product = await deps.catalog.get(productId);
  if (!product) return fail('PRODUCT.NOT_FOUND', `no product ${productId}`);
  const updated = await deps.carts.update(cartId, (cart) => {
    const existing = cart.lines.find((l) => l.productId === productId);
    const total = (existing?.quantity ?? 0) + quantity;
    if (total > LIMITS.quantityMax) return fail('REQUEST.INVALID', `a cart line holds at most ${LIMITS.quantityMax} items`);
    if (!existing && cart.lines.length >= LIMITS.cartLinesMax) return fail('REQUEST.INVALID', `a cart holds at most ${LIMITS.cartLinesMax} lines`);
    const line: CartLine = { productId, quantity: total, unitPriceCents: product.priceCents };
    return ok(existing ? cart.lines.map((l) => (l.productId === productId ? line : l)) : [...cart.lines, line]);
  });
  return updated.ok ? ok(priced(updated.value)) : updated;
}

export async function removeFromCart({ carts }: Pick<CartDeps, 'carts'>, cartId: string, productId: ProductId): Promise<Result<Cart>> {
  const updated = await carts.update(cartId, (cart) => ok(cart.lines.filter((l) => l.productId !== productId)));
  return updated.ok ? ok(priced(updated.value)) : updated;
}

export function priced(cart: CartState): Cart {
  return { id: cart.id, lines: cart.lines, subtotalCents: cart.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0) };
}

function checkQuantity(quantity: number): string | undefined {
  if (!Number.isInteger(quantity) || quantity < LIMITS.quantityMin || quantity > LIMITS.quantityMax) {
    return `quantity must be an integer from ${LIMITS.quantityMin} to ${LIMITS.quantityMax}`;
  }
  return undefined;
}
