import type { JourneyKind } from './types.js';

/** Weights per journey kind; a missing or zero weight never runs. */
export type WeightedKinds = Readonly<Partial<Record<JourneyKind, number>>>;

/** Turns a weight table into a draw: one uniform number in [0, 1) → a journey kind (checked once, here). */
export function weightedPicker(weights: WeightedKinds): (uniform: number) => JourneyKind {
  const entries = Object.entries(weights).filter(([, weight]) => (weight ?? 0) > 0) as Array<[JourneyKind, number]>;
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (entries.length === 0 || !Number.isFinite(total)) throw new RangeError(`a journey mix needs a positive, finite weight: ${JSON.stringify(weights)}`);
  const kinds = entries.map(([kind]) => kind);
  let running = 0;
  const bounds = entries.map(([, weight]) => (running += weight / total));
  const last = kinds.length - 1;
  return (uniform) => {
    for (let i = 0; i < last; i++) if (uniform < (bounds[i] as number)) return kinds[i] as JourneyKind;
    return kinds[last] as JourneyKind;
  };
}
