export type ProductId = string;

export interface Product {
  readonly id: ProductId;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly priceCents: number;
  readonly initialStock: number;
  /** Seeded popularity score; fills recommendations when co-purchases are few. */
  readonly popularity: number;
}

export interface ProductSummary {
  readonly id: ProductId;
  readonly name: string;
  readonly category: string;
  readonly priceCents: number;
}

export interface OrderLine {
  readonly productId: ProductId;
  readonly quantity: number;
}

export interface CartLine extends OrderLine {
  readonly unitPriceCents: number;
}

export interface Cart {
  readonly id: string;
  readonly lines: readonly CartLine[];
  readonly subtotalCents: number;
}

export interface PricedLine extends CartLine {
  readonly lineTotalCents: number;
}

export interface Order {
  readonly id: string;
  readonly cartId: string;
  readonly lines: readonly PricedLine[];
  readonly totalCents: number;
  readonly status: 'placed';
  readonly cardLast4: string;
  readonly createdAt: string;
}

export interface OrderPlaced {
  readonly id: string;
  readonly type: 'OrderPlaced';
  readonly orderId: string;
  readonly lines: readonly OrderLine[];
  readonly totalCents: number;
  readonly occurredAt: string;
}

export interface StockLevel {
  readonly productId: ProductId;
  readonly available: number;
  readonly reserved: number;
  readonly sold: number;
}

export interface Reservation {
  readonly orderId: string;
  readonly lines: readonly OrderLine[];
  readonly status: 'reserved' | 'released' | 'committed';
}

export interface Payment {
  readonly orderId: string;
  readonly amountCents: number;
  readonly cardLast4: string;
  readonly status: 'authorized' | 'declined' | 'voided';
}

export interface SearchQuery {
  readonly q: string;
  readonly category?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface SearchPage {
  readonly total: number;
  readonly items: readonly ProductSummary[];
}

export interface Recommendations {
  readonly items: readonly ProductSummary[];
  readonly degraded: boolean;
}

export const summarize = (p: Product): ProductSummary => ({ id: p.id, name: p.name, category: p.category, priceCents: p.priceCents });
