import { browse } from './browse.js';
import { cart } from './cart.js';
import { checkout } from './checkout.js';
import type { Journey } from './journey.js';
import { product } from './product.js';
import { rawGet } from './raw-get.js';
import type { JourneyKind } from './types.js';

export const JOURNEYS: Readonly<Record<JourneyKind, Journey>> = { browse, product, cart, checkout, 'raw-get': rawGet };
