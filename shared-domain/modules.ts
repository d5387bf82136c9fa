/** The shop's domain modules. Every variant hosts all of them; only where they live differs. */
export const MODULE_NAMES = ['catalog', 'search', 'recommendations', 'cart', 'inventory', 'payment', 'orders'] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];
