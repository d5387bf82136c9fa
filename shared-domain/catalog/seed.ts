/**
 * The deterministic catalog: the same seed gives the same products, byte for byte, in every variant.
 * mulberry32 is small, fast and fully specified, so no library version can change the catalog.
 */
import type { Product } from '../types.js';

export const DEFAULT_SEED = 42;
export const DEFAULT_PRODUCT_COUNT = 2000;

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES: Record<string, readonly string[]> = {
  books: ['novel', 'guide', 'atlas', 'cookbook', 'anthology', 'handbook'],
  music: ['vinyl', 'album', 'headphones', 'speaker', 'turntable', 'songbook'],
  kitchen: ['kettle', 'skillet', 'knife', 'blender', 'teapot', 'grinder'],
  garden: ['shovel', 'planter', 'hose', 'seeds', 'rake', 'lantern'],
  sports: ['racket', 'ball', 'helmet', 'gloves', 'jersey', 'bottle'],
  toys: ['puzzle', 'robot', 'blocks', 'kite', 'doll', 'train'],
  office: ['notebook', 'pen', 'stapler', 'lamp', 'chair', 'planner'],
  outdoor: ['tent', 'backpack', 'compass', 'stove', 'hammock', 'jacket'],
  beauty: ['serum', 'brush', 'mirror', 'soap', 'lotion', 'comb'],
  electronics: ['charger', 'cable', 'keyboard', 'mouse', 'monitor', 'router'],
  home: ['blanket', 'pillow', 'candle', 'vase', 'rug', 'clock'],
  pets: ['leash', 'bowl', 'collar', 'bed', 'brush', 'feeder'],
};
const ADJECTIVES = ['classic', 'compact', 'deluxe', 'eco', 'vintage', 'smart', 'rugged', 'silent', 'bright', 'cozy', 'swift', 'golden'];
const MATERIALS = ['oak', 'steel', 'cotton', 'ceramic', 'bamboo', 'leather', 'glass', 'wool', 'copper', 'linen'];
const COLORS = ['red', 'blue', 'green', 'black', 'white', 'amber', 'teal', 'violet', 'grey', 'orange'];

export const CATEGORY_NAMES: readonly string[] = Object.keys(CATEGORIES);

export function productId(index: number): string {
  return `p${String(index + 1).padStart(4, '0')}`;
}

export function generateCatalog(seed: number = DEFAULT_SEED, count: number = DEFAULT_PRODUCT_COUNT): Product[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const products: Product[] = [];
  for (let i = 0; i < count; i++) {
    const category = CATEGORY_NAMES[i % CATEGORY_NAMES.length] as string;
    const noun = pick(CATEGORIES[category] as readonly string[]);
    const adjective = pick(ADJECTIVES);
    const material = pick(MATERIALS);
    const color = pick(COLORS);
    products.push({
      id: productId(i),
      name: `${capitalize(adjective)} ${color} ${material} ${noun}`,
      description: `A ${adjective} ${noun} made of ${material}, in ${color}. Part of our ${category} range.`,
      category,
      tags: [noun, material, color, adjective],
      priceCents: 199 + Math.floor(random() * 49_800),
      initialStock: 50 + Math.floor(random() * 451),
      popularity: Math.floor(random() * 1000),
    });
  }
  return products;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
