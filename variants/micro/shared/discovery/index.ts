/**
 * Client-side service discovery on a NATS JetStream KV bucket: the public surface.
 *
 *   const registration = await ServiceRegistration.start(nc, { service, instanceId, url, version, logger });
 *   const resolver = await ServiceResolver.start(nc, { logger });
 *   const balancer = new RoundRobinBalancer(resolver, 'catalog', { policyFor: () => circuitBreaker(...) });
 *   await balancer.execute((instance, signal) => get(instance.url, signal));
 *   ... await registration.deregister(); await resolver.stop();
 *
 * The connection is the caller's: open it to reconnect forever (`maxReconnectAttempts: -1`), as
 * NatsLink does, so the registration and the resolver come back with it.
 */
export { NoLiveInstanceError, RegistryConfigError, RegistryUnavailableError } from './errors.js';
export type { InstanceChange, RemovalReason } from './live-instances.js';
export { DEFAULT_BUCKET, DEFAULT_TTL_MS, type RegistryBucketOptions } from './registry-bucket.js';
export { RoundRobinBalancer, type BalancerOptions, type InstanceCall, type InstanceSource } from './round-robin-balancer.js';
export type { ServiceInstance } from './service-instance.js';
export { DEFAULT_HEARTBEAT_MS, ServiceRegistration, type DeregisterOutcome, type RegistrationOptions } from './service-registration.js';
export { ServiceResolver, type InstanceListener, type ResolverOptions } from './service-resolver.js';
export { Discovery, fixedRoute } from './discovery.js';
