/**
 * One color per variant everywhere (Okabe–Ito: tells apart for color-blind readers and on a projector),
 * and the colors of effects and verdicts.
 */
import type { Effect } from '../scenario/schema.js';

const VARIANT_COLORS: Readonly<Record<string, string>> = {
  monolith: '#0072B2',
  soa: '#E69F00',
  micro: '#009E73',
};

const SPARE_COLORS = ['#CC79A7', '#56B4E9', '#D55E00', '#000000'];

/** The variant's color; a variant the lab does not know gets a spare one, stable by its position. */
export function variantColor(variant: string, index = 0): string {
  return VARIANT_COLORS[variant] ?? SPARE_COLORS[index % SPARE_COLORS.length] ?? '#000000';
}

export const EFFECT_CLASS: Readonly<Record<Effect, string>> = {
  unaffected: 'ok',
  slow: 'warn',
  degraded: 'warn',
  failing: 'bad',
};

export function effectClass(effect: string | null | undefined): string {
  return effect ? (EFFECT_CLASS as Record<string, string | undefined>)[effect] ?? '' : '';
}
