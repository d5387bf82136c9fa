import type { ScenarioInput } from '../lab/scenario/schema.js';
import { DEPLOY_SETTING } from './rolling-deploy.js';

export default {
  name: 'rolling-deploy-single',
  title: 'The same change to payment with one replica and stop-first: the restart is the outage',
  description:
    'The contrast to rolling-deploy: whatever hosts the payment module runs once, and its new build replaces it stop-first ' +
    '(drained, stopped, then the new process started on the same port). The monolith restarts the whole shop; ' +
    'soa restarts the payment-service while the ESB\'s requests wait in its queue; micro restarts the payment service while the order service calls it.',
  explanation:
    'With a single copy of a program, installing a new version means stopping the old one before the new one runs. ' +
    'In the monolith that copy is the whole shop, so the whole shop is away for the restart. In soa only the payment part restarts, and its requests wait in a queue meanwhile: checkouts are slower, not lost. ' +
    'In the microservices only the payment service restarts, but nobody holds its requests: checkouts fail for the moment it is away.',
  ...DEPLOY_SETTING,
  replicas: {},
  timing: { warmupMs: 1_000, measureMs: 16_000 },
  faults: [{
    kind: 'deploy', target: 'host:payment', atMs: 5_000, durationMs: 6_000,
    params: { version: 'v2', strategy: 'stop-first', drain: true, graceMs: 3_000 },
  }],
  hypotheses: {
    monolith: {
      statement: 'the one shop restarts: every journey fails while it is away',
      expect: { all: ['degraded', 'failing'] },
    },
    soa: {
      statement: 'only the payment-service restarts; checkout requests wait in its queue and are answered late, none fails; the rest does not notice',
      expect: { checkout: ['unaffected', 'slow'], others: ['unaffected', 'slow'] },
    },
    micro: {
      statement: 'only the payment service restarts; checkouts that need it meanwhile fail; the rest does not notice',
      expect: { checkout: ['degraded', 'failing'], others: ['unaffected', 'slow'] },
    },
  },
} satisfies ScenarioInput;
