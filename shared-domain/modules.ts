/** The shop's domain modules. Every variant hosts all of them; only where they live differs. */
export const MODULE_NAMES = ['catalog', 'search', 'recommendations', 'cart', 'inventory', 'payment', 'orders'] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

/**
 * Each module's port: the operations the rest of the shop calls on it (the public API's and the
 * checkout's calls; see shop.ts and ports.ts). A module fault reaches exactly these, in every variant,
 * wherever the module is hosted. Reactions to OrderPlaced are not calls on a port and are not here.
 */
export const MODULE_OPERATIONS = {
  catalog: ['getProduct'],
  search: ['search'],
  recommendations: ['recommend'],
  cart: ['create', 'get', 'addItem', 'removeItem', 'clear'],
  inventory: ['reserve', 'release'],
  payment: ['authorize', 'void'],
  orders: ['checkout', 'get'],
} as const satisfies { readonly [M in ModuleName]: readonly string[] };

export type OperationName<M extends ModuleName = ModuleName> = (typeof MODULE_OPERATIONS)[M][number];
