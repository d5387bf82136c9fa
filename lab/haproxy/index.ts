/** The lab's private HAProxy, in front of replicated HTTP components: the public surface of lab/haproxy. */
export {
  DrainTimeoutError,
  HaproxyBinaryMissingError,
  HaproxyCommandError,
  HaproxyExitedError,
  HaproxyStartTimeoutError,
  InvalidLoadBalancerOptionsError,
  LoadBalancerError,
  LoadBalancerStoppedError,
  UnknownFrontendError,
} from './errors.js';
export { startLoadBalancer } from './start.js';
export type {
  BackendServer,
  FrontendSpec,
  LoadBalancerStartOptions,
  RemoveServerOptions,
  ServerAdminState,
  ServerStats,
  StartedLoadBalancer,
} from './types.js';
