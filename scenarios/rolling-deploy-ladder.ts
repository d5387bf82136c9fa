import type { ScenarioInput } from '../lab/scenario/schema.js';
import { DEPLOY_SETTING } from './rolling-deploy.js';

/** The same new build three times, each rung adding what Kubernetes users learn to add the hard way. */
const rung = (atMs: number, version: string, drain: boolean, graceMs: number) => ({
  kind: 'deploy' as const, target: 'host:payment', atMs, durationMs: 8_000,
  params: { version, strategy: 'start-first' as const, drain, graceMs },
});

export default {
  name: 'rolling-deploy-ladder',
  title: 'Rolling deploys, the hard way up: readiness only, plus draining, plus a grace period',
  explanation:
    'The same payment code is shipped three times while people shop, each time more carefully. ' +
    'First the old copy is switched off the moment a new one is up, so some shoppers whose payment it was handling get an error; then it is first taken out of the rotation; ' +
    'finally it is also given a few seconds to finish its work. The monolith replaces the whole shop each time, soa and micro only the payment service.',
  description:
    'The host of the payment module (two replicas) is redeployed three times under load, start-first each time. ' +
    'First with readiness checks only: a new replica must be ready before an old one goes, but the old one is killed at once, nothing drained. ' +
    'Then draining first (out of HAProxy, out of the registry, consumers stopped) but still killed at once. Then draining and a 3 s grace period ' +
    'to finish what is in flight. The release-cost table counts the runs that failed at each rung. This scenario measures; it makes no prediction to hold.',
  ...DEPLOY_SETTING,
  timing: { warmupMs: 1_000, measureMs: 34_000 },
  faults: [rung(4_000, 'v2', false, 0), rung(14_000, 'v3', true, 0), rung(24_000, 'v4', true, 3_000)],
} satisfies ScenarioInput;
