import type { AppComponent, Topology } from '../../boundary/topology.js';
import { MICRO_DATABASES as DB } from './databases.js';

type ServiceSpec = Pick<AppComponent, 'name' | 'role' | 'entry' | 'modules' | 'databases' | 'dependsOn' | 'startAfter' | 'via'>;

const app = (spec: ServiceSpec): AppComponent => ({
  kind: 'app', replicas: 1, readinessPath: '/readyz', restart: 'always', http: true, ...spec,
});

/**
 * Smart endpoints, dumb pipes: a stateless gateway calls one service per capability over HTTP; each
 * service owns its data (its own SQLite file); OrderPlaced travels on NATS JetStream, and every service
 * instance registers itself in a registry on NATS that callers resolve from (client-side discovery).
 * `dependsOn`: the services a component calls, and NATS (events and the registry). Nothing calls another service
 * while starting, and each caller has timeouts, breakers and fallbacks for a callee that is not there yet,
 * so every service starts at once: `startAfter` holds only NATS (whose link is part of readiness).
 */
export const microTopology: Topology = {
  variant: 'micro',
  description: 'A stateless gateway over six services, each with its own database; HTTP calls with timeouts, retries, breakers and fallbacks; OrderPlaced on NATS JetStream.',
  discovery: {
    mode: 'registry',
    description: 'Client-side discovery: every service instance registers its URL in a registry on NATS (JetStream KV) with a heartbeat and deregisters when it stops; the gateway and each caller resolve instances from their cached copy and balance across them, and keep using that copy while NATS is unreachable (a caller that starts while NATS is down finds nothing until it is back). A replicated gateway sits behind HAProxy.',
  },
  edge: 'gateway',
  components: [
    { kind: 'broker', name: 'nats', broker: 'nats', carries: 'events', role: 'NATS JetStream: the ORDERS stream with durable consumers for inventory and recommendation, and the service registry (a KV bucket)', dependsOn: [] },
    app({
      name: 'gateway', role: 'the public API: calls the services with timeouts, retries on reads, circuit breakers and fallbacks',
      entry: 'variants/micro/gateway/main.ts', modules: [], databases: [], dependsOn: ['nats', 'catalog', 'recommendation', 'cart', 'order'], startAfter: ['nats'],
      // It reaches each service by capability: a request passes only the services its journey needs.
      via: [],
    }),
    app({
      name: 'catalog', role: 'product pages and search over the seeded catalog (read-only reference data, no database)',
      entry: 'variants/micro/services/catalog/main.ts', modules: ['catalog', 'search'], databases: [], dependsOn: ['nats'], startAfter: ['nats'],
    }),
    app({
      name: 'recommendation', role: 'recommendations from co-purchase counts fed by OrderPlaced events',
      entry: 'variants/micro/services/recommendation/main.ts', modules: ['recommendations'], databases: [DB.recommendation], dependsOn: ['nats'], startAfter: ['nats'],
    }),
    app({
      name: 'cart', role: 'carts, priced from a seeded projection of the catalog',
      entry: 'variants/micro/services/cart/main.ts', modules: ['cart'], databases: [DB.cart], dependsOn: ['nats'], startAfter: ['nats'],
    }),
    app({
      name: 'order', role: 'orders; orchestrates checkout over HTTP with compensation; relays OrderPlaced from its outbox to JetStream',
      entry: 'variants/micro/services/order/main.ts', modules: ['orders'], databases: [DB.order], dependsOn: ['nats', 'cart', 'inventory', 'payment'], startAfter: ['nats'],
    }),
    app({
      name: 'inventory', role: 'stock reservations; commits stock on OrderPlaced',
      entry: 'variants/micro/services/inventory/main.ts', modules: ['inventory'], databases: [DB.inventory], dependsOn: ['nats'], startAfter: ['nats'],
    }),
    app({
      name: 'payment', role: 'the simulated card provider',
      entry: 'variants/micro/services/payment/main.ts', modules: ['payment'], databases: [DB.payment], dependsOn: ['nats'], startAfter: ['nats'],
    }),
  ],
};
