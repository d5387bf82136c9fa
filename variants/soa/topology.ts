import type { AppComponent, Topology } from '../../boundary/topology.js';
import type { ModuleName } from '../../shared-domain/modules.js';

/** The one enterprise database every service opens (a SQLite file in WAL mode, in the variant's data dir). */
export const ENTERPRISE_DB = 'enterprise.db';

const service = (name: string, role: string, modules: readonly ModuleName[]): AppComponent => ({
  kind: 'app',
  name,
  role,
  entry: `variants/soa/services/${name.replace(/-service$/, '')}/main.ts`,
  replicas: 1,
  modules,
  readinessPath: '/readyz',
  restart: 'always',
  databases: [ENTERPRISE_DB],
  dependsOn: ['rabbitmq'],
  http: true,
});

/**
 * Checkout's orchestration is the `orders` module in the esb (it runs the checkout use case); the
 * sales-service hosts `orders` too (reading and saving orders). A fault in `orders` reaches both.
 */
export const soaTopology: Topology = {
  variant: 'soa',
  description:
    'Smart pipes, shared data: a portal talks AMQP request/reply to one ESB mediator, which routes, transforms and orchestrates ' +
    'calls to four coarse services over RabbitMQ; every service opens the same enterprise database.',
  discovery: {
    mode: 'bus',
    description: 'The ESB is the directory: the portal sends every request to the esb’s queue and the esb to the queue of the service hosting the module; replicas of a service are competing consumers on that queue. A replicated portal sits behind HAProxy.',
  },
  edge: 'portal',
  components: [
    {
      kind: 'broker', name: 'rabbitmq', broker: 'rabbitmq', carries: 'requests', dependsOn: [],
      role: 'the bus: every request and reply, and the events exchange',
    },
    service('product-service', 'catalog, search and recommendations; consumes OrderPlaced for co-purchases', ['catalog', 'search', 'recommendations']),
    service('sales-service', 'carts and orders; relays OrderPlaced from its outbox to the events exchange', ['cart', 'orders']),
    service('inventory-service', 'stock reservations; consumes OrderPlaced to commit stock', ['inventory']),
    service('payment-service', 'the simulated card provider', ['payment']),
    {
      kind: 'app',
      name: 'esb',
      role: 'the mediator: validates, routes and transforms every request, orchestrates checkout',
      entry: 'variants/soa/esb/main.ts',
      replicas: 1,
      modules: ['orders'],
      readinessPath: '/readyz',
      restart: 'always',
      databases: [],
      dependsOn: ['rabbitmq', 'product-service', 'sales-service', 'inventory-service', 'payment-service'],
      // Every bus component declares the whole bus when it connects, so the esb need not wait for the
      // services to start: requests wait in their durable queues until a service consumes.
      startAfter: ['rabbitmq'],
      // Each request goes to the one service hosting its module; those come onto a journey's path by module.
      via: ['rabbitmq'],
      http: true,
    },
    {
      kind: 'app',
      name: 'portal',
      role: 'the HTTP edge: the public API as AMQP request/reply to the esb',
      entry: 'variants/soa/portal/main.ts',
      replicas: 1,
      modules: [],
      readinessPath: '/readyz',
      restart: 'always',
      databases: [],
      dependsOn: ['rabbitmq', 'esb'],
      startAfter: ['rabbitmq'],
      via: ['rabbitmq', 'esb'],
      http: true,
    },
  ],
};
