/** The built-in scenarios and the suites that run them. */
import type { ScenarioInput } from '../lab/scenario/schema.js';
import baseline from './baseline.js';
import brokerOutage from './broker-outage.js';
import capacity from './capacity.js';
import cpuHogSearch from './cpu-hog-search.js';
import crashRecommendations from './crash-recommendations.js';
import discoveryChurn from './discovery-churn.js';
import hangInventory from './hang-inventory.js';
import rollingDeploy from './rolling-deploy.js';
import rollingDeployLadder from './rolling-deploy-ladder.js';
import rollingDeploySingle from './rolling-deploy-single.js';
import scaleOutSearch from './scale-out-search.js';
import slowPayment from './slow-payment.js';
import versionSkew from './version-skew.js';
import versionSkewExpand from './version-skew-expand.js';
import spofSweep from './spof-sweep.js';

export const BUILT_IN_SCENARIOS: readonly ScenarioInput[] = [
  baseline, crashRecommendations, hangInventory, slowPayment, brokerOutage, cpuHogSearch, spofSweep, capacity, rollingDeploy, rollingDeploySingle, rollingDeployLadder, discoveryChurn,
  versionSkew, versionSkewExpand, scaleOutSearch,
];

export const SUITES = {
  /** A short version of every scenario: about twenty minutes for all three variants. */
  quick: { scenarios: BUILT_IN_SCENARIOS.map((s) => s.name), timeScale: 0.5 },
  /** Every scenario at full length. */
  full: { scenarios: BUILT_IN_SCENARIOS.map((s) => s.name), timeScale: 1 },
} as const;

export type SuiteName = keyof typeof SUITES;
