import { MODULE_NAMES } from '../../shared-domain/modules.js';
import type { Topology } from '../../boundary/topology.js';

export const monolithTopology: Topology = {
  variant: 'monolith',
  description: 'One process hosts the public API and every module over one SQLite database; events go through an in-process bus.',
  discovery: {
    mode: 'load-balancer',
    description: 'Nothing to find inside: one process holds every module. Replicas of the whole shop sit behind HAProxy, which health-checks /readyz and retries a request on another replica.',
  },
  edge: 'shop',
  components: [
    {
      kind: 'app',
      name: 'shop',
      role: 'the whole shop: public API, all seven modules, one database',
      entry: 'variants/monolith/main.ts',
      replicas: 1,
      modules: MODULE_NAMES,
      readinessPath: '/readyz',
      restart: 'always',
      databases: ['monolith.db'],
      dependsOn: [],
      http: true,
    },
  ],
};
